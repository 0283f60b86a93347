-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "splitQuantity" INTEGER NOT NULL DEFAULT 0;
