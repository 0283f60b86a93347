-- The bus's queue indexes hold open work only (partial indexes), so the claim, the
-- overview's counts and the health checks cost the same however much delivered history
-- the table keeps; delivered rows are read by when they were delivered.
-- DropIndex
DROP INDEX "Delivery_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "Delivery_pending_due_idx" ON "Delivery"("nextAttemptAt", "position") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "Delivery_pending_order_idx" ON "Delivery"("orderId", "targetSystem", "position") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "Delivery_open_idx" ON "Delivery"("status", "targetSystem") WHERE (status <> 'DELIVERED');

-- CreateIndex
CREATE INDEX "Delivery_delivered_idx" ON "Delivery"("deliveredAt", "targetSystem") WHERE (status = 'DELIVERED');
