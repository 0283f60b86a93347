-- DropIndex
DROP INDEX "LateOrder_orderId_kind_key";

-- CreateIndex
CREATE UNIQUE INDEX "LateOrder_orderId_storeId_kind_key" ON "LateOrder"("orderId", "storeId", "kind");
