// Company-wide call statistics from "CallHourlyTotals" (kept by triggers on "Call"; migration
// call_log_speed): 30 days are ~720 hours × 8 direction/status pairs instead of every call of the
// month. Only for what the table can answer exactly — everyone's calls, filtered at most by
// direction and status, over days that begin on whole UTC hours; everything else reads the calls.
import "server-only";
import type { UserScope } from "../../access/scopes.ts";
import type { Database } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { CallQuery } from "./params.ts";

const HOUR_MS = 3_600_000;
/** Offsets change at most a few times a year; a week apart cannot miss a season. */
const SAMPLE_EVERY_MS = 7 * 86_400_000;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(instant: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0; // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * True when every local midnight in [start, end) is a whole UTC hour, so each hour row belongs to
 * exactly one day of the chart (false for India's +05:30 or Nepal's +05:45, which read the calls).
 */
export function daysAreWholeHours(range: { start: Date; end: Date }, timeZone: string): boolean {
  if (range.start.getTime() % HOUR_MS !== 0 || range.end.getTime() % HOUR_MS !== 0) return false;
  for (let at = range.start.getTime(); ; at += SAMPLE_EVERY_MS) {
    const instant = new Date(Math.min(at, range.end.getTime()));
    if (offsetMinutes(instant, timeZone) % 60 !== 0) return false;
    if (instant.getTime() >= range.end.getTime()) return true;
  }
}

export function hourlyTotalsAnswer(
  scope: UserScope,
  query: CallQuery,
  range: { start: Date; end: Date },
  timeZone: string,
): boolean {
  return (
    scope.kind === "all" &&
    query.employees.length === 0 &&
    !query.number &&
    !query.crmType &&
    query.crmId === null &&
    daysAreWholeHours(range, timeZone)
  );
}

export interface HourlyFigures {
  totals: { calls: number; answered: number; missed: number; totalSeconds: number; averageSeconds: number };
  days: { day: string; answered: number; missed: number; other: number }[];
}

export async function hourlyFigures(
  db: Database,
  query: CallQuery,
  range: { start: Date; end: Date },
  timeZone: string,
): Promise<HourlyFigures> {
  const where: Prisma.Sql[] = [Prisma.sql`h.hour >= ${range.start} AND h.hour < ${range.end}`];
  if (query.direction.length) where.push(Prisma.sql`h.direction = ANY(${query.direction}::"CallDirection"[])`);
  if (query.status.length) where.push(Prisma.sql`h.status = ANY(${query.status}::"CallStatus"[])`);
  const [row] = await db.$queryRaw<{ totals: HourlyFigures["totals"] | null; days: HourlyFigures["days"] | null }[]>`
    WITH d AS (
      SELECT date_trunc('day', (h.hour AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}) AS day,
             sum(h.calls)::int AS calls,
             (sum(h.calls) FILTER (WHERE h.status = 'ANSWERED'))::int AS answered,
             (sum(h.calls) FILTER (WHERE h.status = 'MISSED'))::int AS missed,
             sum(h."totalSeconds")::float8 AS seconds,
             (sum(h."totalSeconds") FILTER (WHERE h.status = 'ANSWERED'))::float8 AS "answeredSeconds"
      FROM "CallHourlyTotals" h WHERE ${Prisma.join(where, " AND ")}
      GROUP BY 1 HAVING sum(h.calls) > 0)
    SELECT
      (SELECT json_build_object('calls', coalesce(sum(calls), 0), 'answered', coalesce(sum(answered), 0),
                'missed', coalesce(sum(missed), 0), 'totalSeconds', coalesce(sum(seconds), 0),
                'averageSeconds', coalesce(sum("answeredSeconds") / nullif(sum(answered), 0), 0))
       FROM d) AS totals,
      (SELECT json_agg(json_build_object('day', to_char(day, 'YYYY-MM-DD'), 'answered', coalesce(answered, 0),
                'missed', coalesce(missed, 0), 'other', calls - coalesce(answered, 0) - coalesce(missed, 0)) ORDER BY day)
       FROM d) AS days`;
  return {
    totals: row?.totals ?? { calls: 0, answered: 0, missed: 0, totalSeconds: 0, averageSeconds: 0 },
    days: row?.days ?? [],
  };
}
