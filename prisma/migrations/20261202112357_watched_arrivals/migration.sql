-- CreateTable
CREATE TABLE "WatchedArrival" (
    "orderRef" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "chain" "Chain" NOT NULL,
    "source" "SystemName" NOT NULL,
    "target" "SystemName" NOT NULL,
    "arrivedAt" TIMESTAMP(3) NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "lateBySeconds" INTEGER,

    CONSTRAINT "WatchedArrival_pkey" PRIMARY KEY ("orderRef","stepId")
);

-- CreateIndex
CREATE INDEX "WatchedArrival_arrivedAt_idx" ON "WatchedArrival"("arrivedAt");
