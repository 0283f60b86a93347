-- AlterTable
ALTER TABLE "StoreCapacityChange" ADD COLUMN     "startTargetMinutes" INTEGER;
