-- CreateEnum
CREATE TYPE "CheckoutHoldStatus" AS ENUM ('HELD', 'PLACED', 'EXPIRED');

-- AlterTable
ALTER TABLE "RetailerSettings" ADD COLUMN     "checkoutHoldMinutes" INTEGER NOT NULL DEFAULT 15;

-- CreateTable
CREATE TABLE "CheckoutHold" (
    "id" UUID NOT NULL,
    "checkoutId" TEXT NOT NULL,
    "storeId" UUID NOT NULL,
    "browser" TEXT,
    "status" "CheckoutHoldStatus" NOT NULL DEFAULT 'HELD',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "orderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckoutHoldLine" (
    "holdId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "CheckoutHoldLine_pkey" PRIMARY KEY ("holdId","productId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutHold_checkoutId_key" ON "CheckoutHold"("checkoutId");

-- CreateIndex
CREATE INDEX "CheckoutHold_status_expiresAt_idx" ON "CheckoutHold"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "CheckoutHold_browser_status_idx" ON "CheckoutHold"("browser", "status");

-- CreateIndex
CREATE INDEX "CheckoutHoldLine_productId_idx" ON "CheckoutHoldLine"("productId");

-- AddForeignKey
ALTER TABLE "CheckoutHold" ADD CONSTRAINT "CheckoutHold_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckoutHoldLine" ADD CONSTRAINT "CheckoutHoldLine_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "CheckoutHold"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckoutHoldLine" ADD CONSTRAINT "CheckoutHoldLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
