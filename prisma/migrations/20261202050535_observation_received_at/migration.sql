-- CreateIndex
CREATE INDEX "Observation_receivedAt_idx" ON "Observation"("receivedAt");
