// The call log (SPEC §5.3): exactly the calls the viewer's statistics scope allows, filtered,
// sorted and paged by the database; the statistics are aggregates over the same conditions, so
// rows and figures can never describe different sets.
import "server-only";
import type { Access } from "../../access/access.ts";
import type { UserScope } from "../../access/scopes.ts";
import type { Database } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { DAY_MS, startOfDay } from "../../grid/dates.ts";
import { employeeOrderedRowsSql } from "./employee-order.ts";
import { hourlyFigures, hourlyTotalsAnswer } from "./hourly-totals.ts";
import {
  type CallDirection,
  type CallQuery,
  type CallSortKey,
  type CallStatus,
  DEFAULT_RANGE_DAYS,
  MAX_RANGE_DAYS,
} from "./params.ts";

export const CALL_STATEMENT_TIMEOUT_MS = 8000;

export interface CallRow {
  id: number;
  employeeId: number | null;
  employeeFirstName: string | null;
  employeeLastName: string | null;
  direction: CallDirection;
  status: CallStatus;
  phoneNumber: string;
  lineNumber: string | null;
  startedAt: Date;
  durationSeconds: number;
  crmEntityType: string | null;
  crmEntityId: number | null;
  hasRecording: boolean;
}

type Direction = "ASC" | "DESC";

// Whitelisted keys only; the URL never reaches the SQL text. Every order ends with the id, so a
// page boundary between equal keys is stable.
// The employee sort walks the people instead (employee-order.ts).
const SORTS: Record<Exclude<CallSortKey, "employee">, (dir: Direction) => string> = {
  startedAt: (dir) => `c."startedAt" ${dir}`,
  duration: (dir) => `c."durationSeconds" ${dir}`,
  number: (dir) => `c."phoneNumber" ${dir}`,
};

/**
 * Keyset continuation for the sorts with one key column: "rows after this one" in the log's order,
 * so an export reads each page by index instead of skipping ever more rows with OFFSET. The
 * employee sort (names, then nulls last) keeps OFFSET.
 */
const KEYSET: Partial<Record<CallSortKey, { column: string; value: (row: CallRow) => unknown }>> = {
  startedAt: { column: `c."startedAt"`, value: (row) => row.startedAt },
  duration: { column: `c."durationSeconds"`, value: (row) => row.durationSeconds },
  number: { column: `c."phoneNumber"`, value: (row) => row.phoneNumber },
};

export function rowsAfter(query: Pick<CallQuery, "sort" | "dir">, row: CallRow): Prisma.Sql | null {
  const keyset = KEYSET[query.sort];
  if (!keyset) return null;
  const operator = Prisma.raw(query.dir === "asc" ? ">" : "<");
  return Prisma.sql`(${Prisma.raw(keyset.column)}, c.id) ${operator} (${keyset.value(row)}, ${row.id})`;
}

/**
 * The instants [start, end) the URL's dates mean in the console's time zone. Dates arrive as
 * UTC midnights of calendar days; noon of that day is the same calendar day in every zone.
 */
export function callRange(query: Pick<CallQuery, "from" | "to">, now: Date, timeZone: string) {
  const dayStart = (date: Date) => startOfDay(new Date(date.getTime() + DAY_MS / 2), timeZone);
  const end = query.to
    ? startOfDay(new Date(query.to.getTime() + DAY_MS + DAY_MS / 2), timeZone)
    : startOfDay(new Date(startOfDay(now, timeZone).getTime() + DAY_MS + DAY_MS / 2), timeZone);
  let start = query.from
    ? dayStart(query.from)
    : startOfDay(new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS + DAY_MS / 2), timeZone);
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS)
    start = new Date(end.getTime() - MAX_RANGE_DAYS * DAY_MS);
  return { start, end };
}

export function callConditions(scope: UserScope, query: CallQuery, now: Date, timeZone: string): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  // A call without an employee belongs to nobody's scope: only "all" sees it (lib/access/scopes.ts).
  if (scope.kind === "users") where.push(Prisma.sql`c."employeeId" = ANY(${[...scope.userIds]}::int[])`);
  const { start, end } = callRange(query, now, timeZone);
  where.push(Prisma.sql`c."startedAt" >= ${start} AND c."startedAt" < ${end}`);
  if (query.employees.length) where.push(Prisma.sql`c."employeeId" = ANY(${query.employees}::int[])`);
  if (query.direction.length) where.push(Prisma.sql`c.direction = ANY(${query.direction}::"CallDirection"[])`);
  if (query.status.length) where.push(Prisma.sql`c.status = ANY(${query.status}::"CallStatus"[])`);
  // Digits and "+" only (numberFragment), so nothing needs escaping for LIKE.
  if (query.number) where.push(Prisma.sql`c."phoneNumber" LIKE ${`%${query.number}%`}`);
  if (query.crmType) where.push(Prisma.sql`c."crmEntityType" = ${query.crmType}`);
  if (query.crmId !== null) where.push(Prisma.sql`c."crmEntityId" = ${query.crmId}`);
  return where;
}

export interface CallTotals {
  calls: number;
  answered: number;
  missed: number;
  totalSeconds: number;
  /** Over answered calls: a missed call has no duration to average. */
  averageSeconds: number;
}
export interface EmployeeStats {
  employeeId: number | null;
  firstName: string | null;
  lastName: string | null;
  calls: number;
  answered: number;
  missed: number;
  totalSeconds: number;
}
export interface DayStats {
  day: string;
  answered: number;
  missed: number;
  other: number;
}
export interface CallStatistics {
  totals: CallTotals;
  employees: EmployeeStats[];
  days: DayStats[];
}

export const TOP_EMPLOYEES = 10;

/** Runs a statement with a timeout, so a pathological filter reports instead of holding a connection. */
function limited<T>(db: Database, statement: Prisma.PrismaPromise<T>) {
  return db
    .$transaction([
      db.$executeRaw`SET LOCAL statement_timeout = ${Prisma.raw(String(CALL_STATEMENT_TIMEOUT_MS))}`,
      statement,
    ])
    .then(([, result]) => result);
}

export function callRows(
  db: Database,
  where: Prisma.Sql,
  query: CallQuery,
  scope: UserScope,
  page = query.page,
  perPage = query.perPage,
) {
  if (query.sort === "employee")
    return limited(db, db.$queryRaw<CallRow[]>(employeeOrderedRowsSql(where, query, scope, page, perPage)));
  const direction: Direction = query.dir === "asc" ? "ASC" : "DESC";
  return limited(
    db,
    db.$queryRaw<CallRow[]>`
      SELECT c.id, c."employeeId", u."firstName" AS "employeeFirstName", u."lastName" AS "employeeLastName",
             c.direction::text AS direction, c.status::text AS status, c."phoneNumber", c."lineNumber", c."startedAt",
             c."durationSeconds", c."crmEntityType", c."crmEntityId", (c."recordingPath" IS NOT NULL) AS "hasRecording"
      FROM "Call" c LEFT JOIN "User" u ON u.id = c."employeeId"
      ${where}
      ORDER BY ${Prisma.raw(`${SORTS[query.sort](direction)}, c.id ${direction}`)}
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  );
}

/**
 * Totals, top employees and calls per day in one statement (one round trip) and one pass over the
 * calls: GROUPING SETS aggregates the filtered rows three ways at once; only the small grouped
 * result (one row per employee and per day) is read again. The day is formatted after grouping.
 */
export async function callStatistics(db: Database, where: Prisma.Sql, timeZone: string): Promise<CallStatistics> {
  const [row] = await limited(
    db,
    db.$queryRaw<{ totals: CallTotals | null; employees: EmployeeStats[] | null; days: DayStats[] | null }[]>`
      WITH g AS (
        SELECT GROUPING(s."employeeId") AS by_employee, GROUPING(s.day) AS by_day, s."employeeId", s.day,
               count(*)::int AS calls,
               count(*) FILTER (WHERE s.status = 'ANSWERED')::int AS answered,
               count(*) FILTER (WHERE s.status = 'MISSED')::int AS missed,
               coalesce(sum(s."durationSeconds"), 0)::float8 AS "totalSeconds",
               coalesce(avg(s."durationSeconds") FILTER (WHERE s.status = 'ANSWERED'), 0)::float8 AS "averageSeconds"
        FROM (SELECT c."employeeId", c.status, c."durationSeconds",
                     date_trunc('day', (c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}) AS day
              FROM "Call" c ${where}) s
        GROUP BY GROUPING SETS ((), (s."employeeId"), (s.day))),
      top AS (
        SELECT * FROM g WHERE by_employee = 0 ORDER BY calls DESC, "employeeId" NULLS LAST LIMIT ${TOP_EMPLOYEES})
      SELECT
        (SELECT json_build_object('calls', calls, 'answered', answered, 'missed', missed,
                  'totalSeconds', "totalSeconds", 'averageSeconds', "averageSeconds")
         FROM g WHERE by_employee = 1 AND by_day = 1) AS totals,
        (SELECT json_agg(json_build_object('employeeId', t."employeeId", 'firstName', u."firstName", 'lastName', u."lastName",
                  'calls', t.calls, 'answered', t.answered, 'missed', t.missed, 'totalSeconds', t."totalSeconds")
                ORDER BY t.calls DESC, t."employeeId" NULLS LAST)
         FROM top t LEFT JOIN "User" u ON u.id = t."employeeId") AS employees,
        (SELECT json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'answered', answered, 'missed', missed,
                  'other', calls - answered - missed) ORDER BY day)
         FROM g WHERE by_day = 0) AS days`,
  );
  return {
    totals: row?.totals ?? { calls: 0, answered: 0, missed: 0, totalSeconds: 0, averageSeconds: 0 },
    employees: row?.employees ?? [],
    days: row?.days ?? [],
  };
}

/** The ten employees with most calls: the part of the statistics the hourly totals cannot answer. */
function topEmployees(db: Database, where: Prisma.Sql) {
  return limited(
    db,
    db.$queryRaw<EmployeeStats[]>`
      SELECT t."employeeId", u."firstName", u."lastName", t.calls, t.answered, t.missed, t."totalSeconds"
      FROM (SELECT c."employeeId", count(*)::int AS calls,
                   count(*) FILTER (WHERE c.status = 'ANSWERED')::int AS answered,
                   count(*) FILTER (WHERE c.status = 'MISSED')::int AS missed,
                   coalesce(sum(c."durationSeconds"), 0)::float8 AS "totalSeconds"
            FROM "Call" c ${where} GROUP BY c."employeeId"
            ORDER BY calls DESC, c."employeeId" NULLS LAST LIMIT ${TOP_EMPLOYEES}) t
      LEFT JOIN "User" u ON u.id = t."employeeId"
      ORDER BY t.calls DESC, t."employeeId" NULLS LAST`,
  );
}

/**
 * The statistics of the filtered calls. Company-wide figures come from the hourly totals when they
 * can answer exactly (hourly-totals.ts), beside a scan for the top employees only; any narrower
 * scope or filter aggregates the calls themselves.
 */
async function statisticsOf(
  db: Database,
  input: { scope: UserScope; query: CallQuery; where: Prisma.Sql; range: { start: Date; end: Date } },
  timeZone: string,
): Promise<CallStatistics> {
  if (!hourlyTotalsAnswer(input.scope, input.query, input.range, timeZone))
    return callStatistics(db, input.where, timeZone);
  const [figures, employees] = await Promise.all([
    hourlyFigures(db, input.query, input.range, timeZone),
    topEmployees(db, input.where),
  ]);
  return { ...figures, employees };
}

/** One page of the log and the statistics of everything it could page through. */
export async function queryCalls(
  db: Database,
  access: Access,
  query: CallQuery,
  options: { now?: Date; timeZone?: string } = {},
) {
  const scope = await access.calls("statistics");
  const timeZone = options.timeZone ?? "UTC";
  const now = options.now ?? new Date();
  const conditions = callConditions(scope, query, now, timeZone);
  const where = Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
  const range = callRange(query, now, timeZone);
  const [rows, statistics] = await Promise.all([
    callRows(db, where, query, scope),
    statisticsOf(db, { scope, query, where, range }, timeZone),
  ]);
  return { rows, total: statistics.totals.calls, statistics, scope };
}
