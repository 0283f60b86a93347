-- CreateTable
CREATE TABLE "OrderAlias" (
    "ref" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,

    CONSTRAINT "OrderAlias_pkey" PRIMARY KEY ("ref")
);

-- CreateIndex
CREATE INDEX "OrderAlias_canonical_idx" ON "OrderAlias"("canonical");
