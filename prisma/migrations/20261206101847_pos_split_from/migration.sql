-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "splitFromNumber" INTEGER;
