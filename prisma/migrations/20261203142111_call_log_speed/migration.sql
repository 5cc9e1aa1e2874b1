-- CreateTable
CREATE TABLE "CallHourlyTotals" (
    "hour" TIMESTAMP(3) NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "status" "CallStatus" NOT NULL,
    "calls" INTEGER NOT NULL,
    "totalSeconds" BIGINT NOT NULL,

    CONSTRAINT "CallHourlyTotals_pkey" PRIMARY KEY ("hour","direction","status")
);

-- CreateIndex
CREATE INDEX "Call_durationSeconds_id_idx" ON "Call"("durationSeconds", "id");

-- Written by hand from here on (Prisma's schema cannot express triggers, functions or INCLUDE).

-- The statistics indexes also carry the direction, so a direction filter stays an index-only scan
-- (bench:calls "head, missed incoming" visited ~5,800 heap pages for 851 calls without it).
DROP INDEX "Call_startedAt_stats_idx";
DROP INDEX "Call_employeeId_startedAt_stats_idx";
CREATE INDEX "Call_startedAt_stats_idx" ON "Call" ("startedAt") INCLUDE ("employeeId", status, "durationSeconds", direction);
CREATE INDEX "Call_employeeId_startedAt_stats_idx" ON "Call" ("employeeId", "startedAt") INCLUDE (status, "durationSeconds", direction);

-- "CallHourlyTotals" follows every change to "Call", whoever makes it (the PBX API, the seed, a
-- person with psql): statement-level triggers see each statement's rows as transition tables and
-- apply old rows as minus and new rows as plus in one upsert. Keys are upserted in order, so two
-- concurrent batches lock the shared hour rows in the same order and cannot deadlock.
CREATE FUNCTION call_hourly_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CallHourlyTotals" (hour, direction, status, calls, "totalSeconds")
    SELECT date_trunc('hour', "startedAt"), direction, status, count(*), sum("durationSeconds")
    FROM new_calls GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (hour, direction, status) DO UPDATE
      SET calls = "CallHourlyTotals".calls + EXCLUDED.calls,
          "totalSeconds" = "CallHourlyTotals"."totalSeconds" + EXCLUDED."totalSeconds";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "CallHourlyTotals" (hour, direction, status, calls, "totalSeconds")
    SELECT date_trunc('hour', "startedAt"), direction, status, -count(*), -sum("durationSeconds")
    FROM old_calls GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (hour, direction, status) DO UPDATE
      SET calls = "CallHourlyTotals".calls + EXCLUDED.calls,
          "totalSeconds" = "CallHourlyTotals"."totalSeconds" + EXCLUDED."totalSeconds";
  ELSE
    -- An UPDATE: only the keys whose figures really changed (a recording upload changes none).
    INSERT INTO "CallHourlyTotals" (hour, direction, status, calls, "totalSeconds")
    SELECT hour, direction, status, sum(calls), sum(seconds) FROM (
      SELECT date_trunc('hour', "startedAt") AS hour, direction, status, -1 AS calls, -"durationSeconds"::bigint AS seconds FROM old_calls
      UNION ALL
      SELECT date_trunc('hour', "startedAt"), direction, status, 1, "durationSeconds"::bigint FROM new_calls) d
    GROUP BY 1, 2, 3 HAVING sum(calls) <> 0 OR sum(seconds) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (hour, direction, status) DO UPDATE
      SET calls = "CallHourlyTotals".calls + EXCLUDED.calls,
          "totalSeconds" = "CallHourlyTotals"."totalSeconds" + EXCLUDED."totalSeconds";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER call_hourly_totals_insert AFTER INSERT ON "Call"
  REFERENCING NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION call_hourly_totals_apply();
CREATE TRIGGER call_hourly_totals_update AFTER UPDATE ON "Call"
  REFERENCING OLD TABLE AS old_calls NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION call_hourly_totals_apply();
CREATE TRIGGER call_hourly_totals_delete AFTER DELETE ON "Call"
  REFERENCING OLD TABLE AS old_calls FOR EACH STATEMENT EXECUTE FUNCTION call_hourly_totals_apply();
-- TRUNCATE has no transition tables; it empties the totals too (DELETE, since one TRUNCATE
-- statement may be emptying both tables at once).
CREATE FUNCTION call_hourly_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CallHourlyTotals";
  RETURN NULL;
END $$;
CREATE TRIGGER call_hourly_totals_truncate AFTER TRUNCATE ON "Call"
  FOR EACH STATEMENT EXECUTE FUNCTION call_hourly_totals_truncate();

INSERT INTO "CallHourlyTotals" (hour, direction, status, calls, "totalSeconds")
SELECT date_trunc('hour', "startedAt"), direction, status, count(*), sum("durationSeconds")
FROM "Call" GROUP BY 1, 2, 3;

-- The outgoing-call check (lib/access/outgoing.ts) in one call. Phone numbers are unique, so
-- PostgreSQL's array statistics cannot know one and assume 0.5 % of rows match: EXISTS then looks
-- cheapest as a sequential scan that stops early, and reads all 20,000 users when nobody has the
-- number (bench:calls: 11.6 ms). Inside this function the GIN indexes are the only way (≈0.1 ms).
CREATE FUNCTION outgoing_call_facts(number text, OUT blacklisted boolean, OUT "crmClient" boolean, OUT employee boolean)
LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT
    COALESCE((SELECT number = ANY (s.blacklist) FROM "TelephonySettings" s WHERE s.id = 1), false),
    EXISTS (SELECT 1 FROM "CrmContact" c WHERE c.phones @> ARRAY[number])
      OR EXISTS (SELECT 1 FROM "CrmLead" l WHERE l.phones @> ARRAY[number]),
    EXISTS (SELECT 1 FROM "User" u WHERE u.kind = 'EMPLOYEE' AND u.phones @> ARRAY[number])
$$;
