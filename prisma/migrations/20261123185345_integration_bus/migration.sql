-- CreateEnum
CREATE TYPE "EndpointMode" AS ENUM ('BUILT_IN', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateEnum
CREATE TYPE "WmsAllocationStatus" AS ENUM ('HELD', 'RELEASED', 'CONSUMED');

-- DropIndex
DROP INDEX "OutboxEvent_dispatchedAt_occurredAt_idx";

-- AlterTable
ALTER TABLE "OutboxEvent" DROP COLUMN "dispatchedAt",
ADD COLUMN     "position" BIGSERIAL NOT NULL,
ADD COLUMN     "source" "SystemName" NOT NULL DEFAULT 'OMS';

-- CreateTable
CREATE TABLE "SystemEndpoint" (
    "system" "SystemName" NOT NULL,
    "mode" "EndpointMode" NOT NULL DEFAULT 'BUILT_IN',
    "url" TEXT,
    "signingSecret" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SystemEndpoint_pkey" PRIMARY KEY ("system")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "outboxEventId" UUID NOT NULL,
    "targetSystem" "SystemName" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "rejected" BOOLEAN NOT NULL DEFAULT false,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" BIGINT NOT NULL,
    "orderId" UUID,
    "chain" "Chain",
    "stepNumber" INTEGER,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxReceipt" (
    "system" "SystemName" NOT NULL,
    "webhookId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxReceipt_pkey" PRIMARY KEY ("system","webhookId")
);

-- CreateTable
CREATE TABLE "WmsAllocation" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "orderNumber" INTEGER NOT NULL,
    "storeCode" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" "WmsAllocationStatus" NOT NULL DEFAULT 'HELD',
    "stagingBin" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WmsAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorefrontOrderView" (
    "orderId" UUID NOT NULL,
    "orderNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "lastPosition" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorefrontOrderView_pkey" PRIMARY KEY ("orderId")
);

-- CreateTable
CREATE TABLE "StorefrontAvailability" (
    "storeCode" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorefrontAvailability_pkey" PRIMARY KEY ("storeCode","sku")
);

-- CreateTable
CREATE TABLE "NotificationMessage" (
    "id" UUID NOT NULL,
    "orderId" UUID,
    "orderNumber" INTEGER,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PosOrderTask" (
    "orderId" UUID NOT NULL,
    "orderNumber" INTEGER NOT NULL,
    "storeCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lastPosition" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PosOrderTask_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_orderId_targetSystem_position_idx" ON "Delivery"("orderId", "targetSystem", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_outboxEventId_targetSystem_key" ON "Delivery"("outboxEventId", "targetSystem");

-- CreateIndex
CREATE INDEX "WmsAllocation_storeCode_sku_status_idx" ON "WmsAllocation"("storeCode", "sku", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WmsAllocation_orderId_sku_key" ON "WmsAllocation"("orderId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "StorefrontOrderView_orderNumber_key" ON "StorefrontOrderView"("orderNumber");

-- CreateIndex
CREATE INDEX "NotificationMessage_createdAt_idx" ON "NotificationMessage"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMessage_orderId_kind_channel_key" ON "NotificationMessage"("orderId", "kind", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "PosOrderTask_orderNumber_key" ON "PosOrderTask"("orderNumber");

-- CreateIndex
CREATE INDEX "PosOrderTask_storeCode_status_idx" ON "PosOrderTask"("storeCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_position_key" ON "OutboxEvent"("position");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_outboxEventId_fkey" FOREIGN KEY ("outboxEventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
