-- AlterEnum
ALTER TYPE "IntakeStatus" ADD VALUE 'QUEUED';

-- AlterTable
ALTER TABLE "IntakeOrder" ADD COLUMN     "leaseUntil" TIMESTAMP(3);
