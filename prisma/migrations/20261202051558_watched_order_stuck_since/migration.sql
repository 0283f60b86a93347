-- AlterTable
ALTER TABLE "WatchedOrder" ADD COLUMN     "stuckSince" TIMESTAMP(3);
