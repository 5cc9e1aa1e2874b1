// The hourly totals (kept by triggers) give the same company-wide statistics as reading every
// call — after inserts, updates, deletes and a TRUNCATE, in time zones with and without DST, and
// they step aside for zones whose days do not start on whole UTC hours.
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../tests/factories.ts";
import { loadAccess } from "../../access/access.ts";
import { ALL_USERS } from "../../access/scopes.ts";
import { db } from "../../db.ts";
import { Random } from "../../demo/random.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { daysAreWholeHours, hourlyTotalsAnswer } from "./hourly-totals.ts";
import { loadCallParams, normalizeCallParams, STATUSES } from "./params.ts";
import { callConditions, callRange, callStatistics, queryCalls } from "./query.ts";

const HOUR = 3_600_000;
// Four weeks either side of Europe's and America's spring DST change (2026-03-08, 2026-03-29).
const NOW = new Date("2026-04-10T15:00:00Z");
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham"];

async function tableMatchesCalls() {
  const [difference] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      (SELECT hour, direction, status, calls::bigint, "totalSeconds" FROM "CallHourlyTotals" WHERE calls <> 0
       EXCEPT
       SELECT date_trunc('hour', "startedAt"), direction, status, count(*), sum("durationSeconds") FROM "Call" GROUP BY 1, 2, 3)
      UNION ALL
      (SELECT date_trunc('hour', "startedAt"), direction, status, count(*), sum("durationSeconds") FROM "Call" GROUP BY 1, 2, 3
       EXCEPT
       SELECT hour, direction, status, calls::bigint, "totalSeconds" FROM "CallHourlyTotals" WHERE calls <> 0)) d`;
  return Number(difference!.n);
}

describe("hourly call totals", () => {
  let adminId = 0;
  let employeeId = 0;
  beforeAll(async () => {
    adminId = (await createUser(db, { isPortalAdmin: true })).id;
    employeeId = (await createUser(db)).id;
    const random = new Random(7);
    const statuses = [...STATUSES];
    await db.call.createMany({
      data: Array.from({ length: 600 }, (_, index) => ({
        externalId: `h-${index}`,
        employeeId: random.chance(0.1) ? null : random.pick([adminId, employeeId]),
        direction: random.chance(0.5) ? ("INCOMING" as const) : ("OUTGOING" as const),
        status: random.pick(statuses),
        phoneNumber: "+4930555100",
        // Minutes, not hours: calls fall on every side of each zone's local midnight.
        startedAt: new Date(NOW.getTime() - random.int(0, 45 * 24 * 60) * 60_000),
        durationSeconds: random.int(0, 900),
      })),
    });
    // Changes after the insert, each through the triggers: a status and duration change, a move
    // to another day, a recording (no change to the figures), and deletions.
    await db.call.updateMany({ where: { externalId: { in: ["h-1", "h-2", "h-3"] } }, data: { status: "MISSED" } });
    await db.call.updateMany({ where: { externalId: "h-4" }, data: { durationSeconds: 4321 } });
    await db.call.updateMany({
      where: { externalId: "h-5" },
      data: { startedAt: new Date(NOW.getTime() - 10 * 24 * HOUR) },
    });
    await db.call.updateMany({ where: { externalId: "h-6" }, data: { recordingPath: "calls/h-6.wav" } });
    await db.call.deleteMany({ where: { externalId: { in: ["h-7", "h-8", "h-9", "h-10"] } } });
  });

  it("are the calls grouped by hour after inserts, updates and deletes", async () => {
    expect(await db.callHourlyTotals.count()).toBeGreaterThan(100);
    expect(await tableMatchesCalls()).toBe(0);
  });

  it("give the same statistics as the calls, with and without filters, in every zone", async () => {
    const access = await loadAccess(db, adminId);
    const filters = ["", "status=MISSED", "direction=INCOMING&status=ANSWERED,BUSY", "from=2026-03-01&to=2026-03-31"];
    let answeredByTotals = 0;
    for (const timeZone of ZONES)
      for (const search of filters) {
        const query = normalizeCallParams(loadCallParams(new URLSearchParams(search)), 20);
        const where = Prisma.sql`WHERE ${Prisma.join(callConditions(ALL_USERS, query, NOW, timeZone), " AND ")}`;
        const fromCalls = await callStatistics(db, where, timeZone);
        const { statistics } = await queryCalls(db, access, query, { now: NOW, timeZone });
        const range = callRange(query, NOW, timeZone);
        if (hourlyTotalsAnswer(ALL_USERS, query, range, timeZone)) answeredByTotals += 1;
        expect({ ...statistics.totals, averageSeconds: Math.round(statistics.totals.averageSeconds * 1e6) }).toEqual({
          ...fromCalls.totals,
          averageSeconds: Math.round(fromCalls.totals.averageSeconds * 1e6),
        });
        expect(statistics.days).toEqual(fromCalls.days);
        expect(statistics.employees).toEqual(fromCalls.employees);
        expect(statistics.totals.calls).toBeGreaterThan(0);
      }
    // UTC, Berlin and New York from the totals (4 filters each); the others from the calls.
    expect(answeredByTotals).toBe(12);
  });

  it("step aside for zones whose midnights are not whole UTC hours, and for narrower scopes or filters", async () => {
    const range = { start: new Date("2026-03-01T00:00:00Z"), end: new Date("2026-04-01T00:00:00Z") };
    expect(daysAreWholeHours(range, "UTC")).toBe(true);
    expect(daysAreWholeHours({ start: new Date("2026-02-28T23:00:00Z"), end: range.end }, "Europe/Berlin")).toBe(true);
    expect(daysAreWholeHours({ start: new Date("2026-02-28T18:30:00Z"), end: range.end }, "Asia/Kolkata")).toBe(false);
    // Lord Howe: +10:30 in winter, +11 in summer — whole-hour ends, but not every day between them.
    expect(
      daysAreWholeHours(
        { start: new Date("2026-01-10T13:00:00Z"), end: new Date("2026-12-10T13:00:00Z") },
        "Australia/Lord_Howe",
      ),
    ).toBe(false);
    const query = normalizeCallParams(loadCallParams(new URLSearchParams("")), 20);
    expect(hourlyTotalsAnswer(ALL_USERS, query, range, "UTC")).toBe(true);
    expect(hourlyTotalsAnswer({ kind: "users", userIds: new Set([employeeId]) }, query, range, "UTC")).toBe(false);
    for (const narrower of [{ employees: [employeeId] }, { number: "555" }, { crmType: "LEAD" }, { crmId: 3 }])
      expect(hourlyTotalsAnswer(ALL_USERS, { ...query, ...narrower }, range, "UTC")).toBe(false);
  });

  it("empty with the calls on TRUNCATE", async () => {
    await db.$executeRaw`TRUNCATE "Call" CASCADE`;
    expect(await db.callHourlyTotals.count()).toBe(0);
  });
});
