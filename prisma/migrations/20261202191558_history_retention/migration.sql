-- CreateTable
CREATE TABLE "PrunedDeliveryCount" (
    "id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "storeId" UUID,
    "targetSystem" "SystemName" NOT NULL,
    "deliveries" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,

    CONSTRAINT "PrunedDeliveryCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionCursor" (
    "name" TEXT NOT NULL,
    "afterAt" TIMESTAMP(3),
    "afterId" TEXT,
    "afterPosition" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "PrunedDeliveryCount_day_idx" ON "PrunedDeliveryCount"("day");

-- CreateIndex
CREATE INDEX "Order_updatedAt_id_idx" ON "Order"("updatedAt", "id");

-- A removed step counts against its bucket only while the bucket is kept: history
-- retention removes closed orders' steps long after their buckets were pruned, and must
-- not leave negative buckets behind. Inserts and updates count as before.
CREATE OR REPLACE FUNCTION "countDeliveredSteps"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "DeliveredStepBucket" AS b ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", count(*)
      FROM new_steps s JOIN "Order" o ON o."id" = s."orderId"
     WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late") DO UPDATE SET "count" = b."count" + EXCLUDED."count";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "DeliveredStepBucket" AS b ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", sum(s."sign")
      FROM (SELECT "orderId", "chain", "stepNumber", "sourceSystem", "arrivedAt", "expectedBy", 1 AS "sign" FROM new_steps WHERE "status" = 'DELIVERED' AND "arrivedAt" IS NOT NULL
            UNION ALL
            SELECT "orderId", "chain", "stepNumber", "sourceSystem", "arrivedAt", "expectedBy", -1 FROM old_steps WHERE "status" = 'DELIVERED' AND "arrivedAt" IS NOT NULL) s
      JOIN "Order" o ON o."id" = s."orderId"
     GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s."sign") <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late") DO UPDATE SET "count" = b."count" + EXCLUDED."count";
  ELSE
    UPDATE "DeliveredStepBucket" b SET "count" = b."count" - x."removed"
      FROM (SELECT "deliveredStepBucket"(s."arrivedAt") AS "bucket", o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy" AS "late", count(*) AS "removed"
              FROM old_steps s JOIN "Order" o ON o."id" = s."orderId"
             WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
             GROUP BY 1, 2, 3, 4, 5, 6) x
     WHERE b."bucket" = x."bucket" AND b."storeId" = x."storeId" AND b."chain" = x."chain" AND b."stepNumber" = x."stepNumber"
       AND b."sourceSystem" = x."sourceSystem" AND b."late" = x."late";
  END IF;
  RETURN NULL;
END
$$;
