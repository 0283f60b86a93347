-- AlterEnum
ALTER TYPE "RerouteStatus" ADD VALUE 'SPLIT';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "splitFromId" UUID;

-- CreateIndex
CREATE INDEX "Order_splitFromId_idx" ON "Order"("splitFromId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
