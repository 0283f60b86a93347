-- CreateEnum
CREATE TYPE "LateKind" AS ENUM ('NOT_STARTED', 'NOT_READY');

-- AlterEnum
ALTER TYPE "RerouteTrigger" ADD VALUE 'LATE';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "delayNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "revisedReadyAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "lateAlert" TEXT,
ADD COLUMN     "lateSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RetailerSettings" ADD COLUMN     "rerouteLateOrders" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "startTargetMinutes" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "LateOrder" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "kind" "LateKind" NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "revisedReadyAt" TIMESTAMP(3),
    "rerouted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "LateOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LateOrder_detectedAt_idx" ON "LateOrder"("detectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LateOrder_orderId_kind_key" ON "LateOrder"("orderId", "kind");
