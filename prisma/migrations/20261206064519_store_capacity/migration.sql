-- CreateEnum
CREATE TYPE "StoreCapacityAction" AS ENUM ('PAUSED', 'RESUMED', 'CAPS_SET');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'STORE_MANAGER';

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "concurrentOrderCap" INTEGER,
ADD COLUMN     "dailyOrderCap" INTEGER,
ADD COLUMN     "pauseReason" TEXT,
ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StoreCapacityChange" (
    "id" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "action" "StoreCapacityAction" NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT,
    "pausedUntil" TIMESTAMP(3),
    "dailyOrderCap" INTEGER,
    "concurrentOrderCap" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreCapacityChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoreCapacityChange_storeId_at_idx" ON "StoreCapacityChange"("storeId", "at");

-- CreateIndex
CREATE INDEX "Order_storeId_placedAt_idx" ON "Order"("storeId", "placedAt");
