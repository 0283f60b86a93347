-- CreateTable
CREATE TABLE "Observation" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "system" "SystemName" NOT NULL,
    "eventType" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT 'received',
    "orderRef" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Observation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Observation_orderRef_idx" ON "Observation"("orderRef");

-- CreateIndex
CREATE INDEX "Observation_batchId_idx" ON "Observation"("batchId");
