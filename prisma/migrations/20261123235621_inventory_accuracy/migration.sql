-- CreateTable
CREATE TABLE "InventoryAccuracyRun" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "storeId" UUID,
    "status" TEXT NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "itemsChecked" INTEGER NOT NULL DEFAULT 0,
    "itemsMismatched" INTEGER NOT NULL DEFAULT 0,
    "accuracy" DOUBLE PRECISION,
    "itemsByStore" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "InventoryAccuracyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryAccuracyMismatch" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "storeCode" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "kinds" TEXT[],
    "onHand" INTEGER NOT NULL,
    "allocated" INTEGER NOT NULL,
    "safetyStock" INTEGER NOT NULL,
    "reservedUnits" INTEGER NOT NULL,
    "wmsHeldUnits" INTEGER NOT NULL,
    "storefrontAvailable" INTEGER,
    "availableToPromise" INTEGER NOT NULL,

    CONSTRAINT "InventoryAccuracyMismatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InventoryAccuracyRun_status_startedAt_idx" ON "InventoryAccuracyRun"("status", "startedAt");

-- CreateIndex
CREATE INDEX "InventoryAccuracyMismatch_runId_storeCode_idx" ON "InventoryAccuracyMismatch"("runId", "storeCode");

-- AddForeignKey
ALTER TABLE "InventoryAccuracyMismatch" ADD CONSTRAINT "InventoryAccuracyMismatch_runId_fkey" FOREIGN KEY ("runId") REFERENCES "InventoryAccuracyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
