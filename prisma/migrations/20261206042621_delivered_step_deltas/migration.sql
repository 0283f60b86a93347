-- Delivered-step counts become rows appended by each statement that changes steps (readers
-- sum them), instead of one row per bucket updated in place: two transactions that deliver
-- steps of the same store, or of several stores in different orders, no longer wait on (or
-- deadlock over) a bucket's row until one of them commits. The worker merges a bucket's
-- rows once it is past.

-- AlterTable
ALTER TABLE "DeliveredStepBucket" DROP CONSTRAINT "DeliveredStepBucket_pkey",
ADD COLUMN     "id" BIGSERIAL NOT NULL,
ADD CONSTRAINT "DeliveredStepBucket_pkey" PRIMARY KEY ("id");

-- CreateIndex
CREATE INDEX "DeliveredStepBucket_bucket_idx" ON "DeliveredStepBucket"("bucket");

CREATE OR REPLACE FUNCTION "countDeliveredSteps"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "DeliveredStepBucket" ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", count(*)
      FROM new_steps s JOIN "Order" o ON o."id" = s."orderId"
     WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "DeliveredStepBucket" ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", sum(s."sign")
      FROM (SELECT "orderId", "chain", "stepNumber", "sourceSystem", "arrivedAt", "expectedBy", 1 AS "sign" FROM new_steps WHERE "status" = 'DELIVERED' AND "arrivedAt" IS NOT NULL
            UNION ALL
            SELECT "orderId", "chain", "stepNumber", "sourceSystem", "arrivedAt", "expectedBy", -1 FROM old_steps WHERE "status" = 'DELIVERED' AND "arrivedAt" IS NOT NULL) s
      JOIN "Order" o ON o."id" = s."orderId"
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s."sign") <> 0;
  ELSE
    -- A removed step counts against its bucket only while the bucket is kept: history
    -- retention removes closed orders' steps long after their buckets were pruned, and must
    -- not leave negative buckets behind.
    INSERT INTO "DeliveredStepBucket" ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT x."bucket", x."storeId", x."chain", x."stepNumber", x."sourceSystem", x."late", -x."removed"
      FROM (SELECT "deliveredStepBucket"(s."arrivedAt") AS "bucket", o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy" AS "late", count(*)::int AS "removed"
              FROM old_steps s JOIN "Order" o ON o."id" = s."orderId"
             WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6) x
     WHERE EXISTS (SELECT 1 FROM "DeliveredStepBucket" b
                    WHERE b."bucket" = x."bucket" AND b."storeId" = x."storeId" AND b."chain" = x."chain" AND b."stepNumber" = x."stepNumber"
                      AND b."sourceSystem" = x."sourceSystem" AND b."late" = x."late");
  END IF;
  RETURN NULL;
END
$$;
