-- AlterTable
ALTER TABLE "Observation" ADD COLUMN     "status" TEXT;

-- CreateTable
CREATE TABLE "ObservationMapping" (
    "id" UUID NOT NULL,
    "system" "SystemName" NOT NULL,
    "event" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT '',
    "means" TEXT[],

    CONSTRAINT "ObservationMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ObservationMapping_system_event_status_key" ON "ObservationMapping"("system", "event", "status");
