-- AlterTable
ALTER TABLE "InventoryAccuracyMismatch" ADD COLUMN     "checkoutHeldUnits" INTEGER NOT NULL DEFAULT 0;
