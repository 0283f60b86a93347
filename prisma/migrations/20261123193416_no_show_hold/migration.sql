-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "holdUntil" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Order_status_holdUntil_idx" ON "Order"("status", "holdUntil");

-- Orders placed before this migration: the hold ends the store's hold window after their pickup window.
UPDATE "Order" o
   SET "holdUntil" = s."endsAt" + make_interval(hours => st."holdHours")
  FROM "PickupSlot" s, "Store" st
 WHERE s."id" = o."slotId" AND st."id" = o."storeId" AND o."holdUntil" IS NULL;
