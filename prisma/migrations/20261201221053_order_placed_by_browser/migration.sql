-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "placedByBrowser" TEXT;
