-- CreateEnum
CREATE TYPE "RerouteMode" AS ENUM ('AUTO', 'ASK', 'CANCEL');

-- CreateEnum
CREATE TYPE "RerouteTrigger" AS ENUM ('REJECTED', 'SHORT');

-- CreateEnum
CREATE TYPE "RerouteStatus" AS ENUM ('OFFERED', 'MOVED', 'DECLINED', 'EXPIRED', 'CANCELED');

-- AlterEnum
ALTER TYPE "Chain" ADD VALUE 'REROUTE';

-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'AWAITING_SHOPPER';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "rerouteCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PosOrderTask" ADD COLUMN     "rejectReason" TEXT,
ADD COLUMN     "reroutedFrom" TEXT;

-- CreateTable
CREATE TABLE "RetailerSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "rerouteMode" "RerouteMode" NOT NULL DEFAULT 'ASK',
    "rerouteOfferMinutes" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "RetailerSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderReroute" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "trigger" "RerouteTrigger" NOT NULL,
    "reason" TEXT NOT NULL,
    "fromStoreId" UUID NOT NULL,
    "toStoreId" UUID,
    "status" "RerouteStatus" NOT NULL,
    "readyBy" TIMESTAMP(3),
    "slotStartsAt" TIMESTAMP(3),
    "slotEndsAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "OrderReroute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderReroute_orderId_idx" ON "OrderReroute"("orderId");

-- CreateIndex
CREATE INDEX "OrderReroute_status_expiresAt_idx" ON "OrderReroute"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "OrderReroute" ADD CONSTRAINT "OrderReroute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
