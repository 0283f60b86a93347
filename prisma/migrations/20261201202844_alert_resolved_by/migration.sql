-- AlterTable
ALTER TABLE "AlertIncident" ADD COLUMN     "resolvedBy" TEXT;
