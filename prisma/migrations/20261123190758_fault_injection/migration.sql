-- CreateEnum
CREATE TYPE "FaultKind" AS ENUM ('DROP', 'CORRUPT', 'WRONG_TYPE', 'HTTP_500', 'DELAY', 'PAUSE');

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "injectedFault" "FaultKind";

-- CreateTable
CREATE TABLE "FaultRule" (
    "id" UUID NOT NULL,
    "source" "SystemName" NOT NULL,
    "target" "SystemName" NOT NULL,
    "eventType" TEXT,
    "storeCode" TEXT,
    "kind" "FaultKind" NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "delayMs" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaultRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FaultRule_source_target_idx" ON "FaultRule"("source", "target");
