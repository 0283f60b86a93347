-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('ACCEPTED', 'QUARANTINED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "StockMessageKind" AS ENUM ('COUNT', 'SALE', 'RETURN', 'DAMAGE', 'RECEIPT');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "channel" "OrderChannel";

-- AlterTable
ALTER TABLE "InventoryLevel" ADD COLUMN     "countSequence" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "channelOrderId" TEXT,
ADD COLUMN     "routing" JSONB;

-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "stockAlert" TEXT;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "stockFeedSecret" TEXT;

-- CreateTable
CREATE TABLE "IntakeOrder" (
    "id" UUID NOT NULL,
    "channel" "OrderChannel" NOT NULL,
    "channelOrderId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "IntakeStatus" NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "declaredCents" INTEGER,
    "orderId" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedBy" TEXT,

    CONSTRAINT "IntakeOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockMessage" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "kind" "StockMessageKind" NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntakeOrder_orderId_key" ON "IntakeOrder"("orderId");

-- CreateIndex
CREATE INDEX "IntakeOrder_status_receivedAt_idx" ON "IntakeOrder"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeOrder_channel_channelOrderId_key" ON "IntakeOrder"("channel", "channelOrderId");

-- CreateIndex
CREATE INDEX "StockMessage_storeId_sku_sequence_idx" ON "StockMessage"("storeId", "sku", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "StockMessage_storeId_messageId_key" ON "StockMessage"("storeId", "messageId");
