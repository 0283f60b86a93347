-- CreateTable
CREATE TABLE "PosEventLog" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "orderNumber" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "associate" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PosEventLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundRejection" (
    "id" UUID NOT NULL,
    "system" "SystemName" NOT NULL,
    "webhookId" TEXT,
    "orderNumber" INTEGER,
    "eventType" TEXT,
    "statusCode" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundRejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PosEventLog_orderId_occurredAt_idx" ON "PosEventLog"("orderId", "occurredAt");

-- CreateIndex
CREATE INDEX "InboundRejection_receivedAt_idx" ON "InboundRejection"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundRejection_orderNumber_idx" ON "InboundRejection"("orderNumber");
