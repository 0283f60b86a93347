-- CreateIndex
CREATE INDEX "NotificationMessage_status_createdAt_idx" ON "NotificationMessage"("status", "createdAt");
