-- CreateTable
CREATE TABLE "WatchedOrder" (
    "orderRef" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nodeId" TEXT,
    "nodeLabel" TEXT,
    "chain" "Chain",
    "stepNumber" INTEGER,
    "missing" TEXT,
    "lateSteps" INTEGER NOT NULL DEFAULT 0,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "judgedAt" TIMESTAMP(3) NOT NULL,
    "nextCheckAt" TIMESTAMP(3),

    CONSTRAINT "WatchedOrder_pkey" PRIMARY KEY ("orderRef")
);

-- CreateIndex
CREATE INDEX "WatchedOrder_state_nextCheckAt_idx" ON "WatchedOrder"("state", "nextCheckAt");
