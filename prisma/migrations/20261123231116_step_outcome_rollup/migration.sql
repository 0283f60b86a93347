-- CreateTable
CREATE TABLE "DeliveredStepBucket" (
    "bucket" TIMESTAMP(3) NOT NULL,
    "storeId" UUID NOT NULL,
    "chain" "Chain" NOT NULL,
    "stepNumber" INTEGER NOT NULL,
    "sourceSystem" "SystemName" NOT NULL,
    "late" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DeliveredStepBucket_pkey" PRIMARY KEY ("bucket","storeId","chain","stepNumber","sourceSystem","late")
);

-- The 5-minute bucket a delivered step counts in (aligned to the hour, as the app reads it).
CREATE FUNCTION "deliveredStepBucket"(at TIMESTAMP(3)) RETURNS TIMESTAMP(3) LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('hour', at) + floor(date_part('minute', at) / 5) * interval '5 minutes'
$$;

-- Keeps DeliveredStepBucket equal to the delivered steps, statement by statement: each
-- change adds the rows it makes delivered and takes away the ones it changes or removes.
-- Rows are upserted in key order so concurrent statements lock them in the same order.
CREATE FUNCTION "countDeliveredSteps"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO "DeliveredStepBucket" AS b ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
    SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", -count(*)
      FROM old_steps s JOIN "Order" o ON o."id" = s."orderId"
     WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late") DO UPDATE SET "count" = b."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ChainStep_count_delivered_on_insert" AFTER INSERT ON "ChainStep"
  REFERENCING NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION "countDeliveredSteps"();
CREATE TRIGGER "ChainStep_count_delivered_on_update" AFTER UPDATE ON "ChainStep"
  REFERENCING OLD TABLE AS old_steps NEW TABLE AS new_steps FOR EACH STATEMENT EXECUTE FUNCTION "countDeliveredSteps"();
CREATE TRIGGER "ChainStep_count_delivered_on_delete" AFTER DELETE ON "ChainStep"
  REFERENCING OLD TABLE AS old_steps FOR EACH STATEMENT EXECUTE FUNCTION "countDeliveredSteps"();

-- The steps delivered before the trigger existed.
INSERT INTO "DeliveredStepBucket" ("bucket", "storeId", "chain", "stepNumber", "sourceSystem", "late", "count")
SELECT "deliveredStepBucket"(s."arrivedAt"), o."storeId", s."chain", s."stepNumber", s."sourceSystem", s."arrivedAt" > s."expectedBy", count(*)
  FROM "ChainStep" s JOIN "Order" o ON o."id" = s."orderId"
 WHERE s."status" = 'DELIVERED' AND s."arrivedAt" IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6;
