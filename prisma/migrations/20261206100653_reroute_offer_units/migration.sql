-- AlterTable
ALTER TABLE "OrderReroute" ADD COLUMN     "units" JSONB;
