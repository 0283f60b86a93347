-- CreateTable
CREATE TABLE "WatchedRejudge" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "after" TEXT NOT NULL DEFAULT '',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchedRejudge_pkey" PRIMARY KEY ("id")
);
