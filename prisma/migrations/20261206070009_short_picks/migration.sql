-- CreateTable
CREATE TABLE "ShortPick" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortPick_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShortPick_at_idx" ON "ShortPick"("at");
