-- Written by hand (Prisma's schema cannot express INCLUDE): the call log's statistics read status
-- and duration straight from these indexes instead of visiting the table (scripts/bench/calls.ts:
-- head of ~2,000 people, 30 days, p95 133 ms → 43 ms), beside the plain indexes the schema declares.
CREATE INDEX "Call_startedAt_stats_idx" ON "Call" ("startedAt") INCLUDE ("employeeId", status, "durationSeconds");
CREATE INDEX "Call_employeeId_startedAt_stats_idx" ON "Call" ("employeeId", "startedAt") INCLUDE (status, "durationSeconds");
