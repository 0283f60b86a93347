-- AlterTable
ALTER TABLE "InventoryLevel" ADD COLUMN     "location" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "carDescription" TEXT,
ADD COLUMN     "customerArrivedAt" TIMESTAMP(3),
ADD COLUMN     "parkingBay" TEXT;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "shortQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shortReason" TEXT;

-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "arrivedAt" TIMESTAMP(3),
ADD COLUMN     "carDescription" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "customerFirstName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "failedCodeAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "handoverLockedAt" TIMESTAMP(3),
ADD COLUMN     "itemCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "parkingBay" TEXT,
ADD COLUMN     "pickTargetAt" TIMESTAMP(3),
ADD COLUMN     "pickingStartedAt" TIMESTAMP(3),
ADD COLUMN     "pickupCodeHash" TEXT,
ADD COLUMN     "pickupMethod" TEXT NOT NULL DEFAULT 'IN_STORE',
ADD COLUMN     "placedAt" TIMESTAMP(3),
ADD COLUMN     "promisedReadyAt" TIMESTAMP(3),
ADD COLUMN     "readyAt" TIMESTAMP(3),
ADD COLUMN     "slotEndsAt" TIMESTAMP(3),
ADD COLUMN     "slotStartsAt" TIMESTAMP(3),
ADD COLUMN     "stagingBin" TEXT;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "pickTargetMinutes" INTEGER NOT NULL DEFAULT 15;

-- CreateTable
CREATE TABLE "PosOrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "imageUrl" TEXT NOT NULL DEFAULT '',
    "barcode" TEXT,
    "location" TEXT,
    "pickedQuantity" INTEGER NOT NULL DEFAULT 0,
    "shortQuantity" INTEGER NOT NULL DEFAULT 0,
    "shortReason" TEXT,

    CONSTRAINT "PosOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PosAuditEntry" (
    "id" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "storeCode" TEXT NOT NULL,
    "orderId" UUID,
    "orderNumber" INTEGER,
    "action" TEXT NOT NULL,
    "staffId" UUID NOT NULL,
    "staffName" TEXT NOT NULL,
    "verification" TEXT,
    "device" TEXT,
    "details" JSONB,

    CONSTRAINT "PosAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PosOrderLine_orderId_sku_key" ON "PosOrderLine"("orderId", "sku");

-- CreateIndex
CREATE INDEX "PosAuditEntry_storeCode_occurredAt_idx" ON "PosAuditEntry"("storeCode", "occurredAt");

-- CreateIndex
CREATE INDEX "PosAuditEntry_orderId_idx" ON "PosAuditEntry"("orderId");

-- AddForeignKey
ALTER TABLE "PosOrderLine" ADD CONSTRAINT "PosOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PosOrderTask"("orderId") ON DELETE CASCADE ON UPDATE CASCADE;

-- A line cannot be shorter than it is long; a pick cannot exceed the line.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_short_within_quantity" CHECK ("shortQuantity" >= 0 AND "shortQuantity" <= "quantity");
ALTER TABLE "PosOrderLine" ADD CONSTRAINT "PosOrderLine_counts_within_quantity"
  CHECK ("pickedQuantity" >= 0 AND "shortQuantity" >= 0 AND "pickedQuantity" + "shortQuantity" <= "quantity");
