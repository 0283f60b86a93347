-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "collectorName" TEXT,
ADD COLUMN     "holdExtendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "collectorName" TEXT,
ADD COLUMN     "holdUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RetailerSettings" ADD COLUMN     "holdExtensionHours" INTEGER NOT NULL DEFAULT 48;

-- The retailer's settings are one row, with the defaults until an admin saves them.
INSERT INTO "RetailerSettings" ("id", "updatedAt") VALUES (1, CURRENT_TIMESTAMP) ON CONFLICT ("id") DO NOTHING;
