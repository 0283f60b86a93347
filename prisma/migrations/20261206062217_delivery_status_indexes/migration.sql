-- Counts by status and by when delivered are Prisma's queries, which send an enum as a cast
-- parameter that PostgreSQL cannot match to a partial index's WHERE clause: plain indexes serve
-- them. The claim's partial indexes stay (its SQL names the status itself).

-- DropIndex
DROP INDEX "Delivery_delivered_idx";

-- DropIndex
DROP INDEX "Delivery_open_idx";

-- CreateIndex
CREATE INDEX "Delivery_status_targetSystem_idx" ON "Delivery"("status", "targetSystem");

-- CreateIndex
CREATE INDEX "Delivery_deliveredAt_targetSystem_idx" ON "Delivery"("deliveredAt", "targetSystem");
