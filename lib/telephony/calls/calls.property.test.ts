// Property test over random organisations: the call log's rows and statistics are exactly the
// calls the single-record check (scopeIncludes(access.calls("statistics"), call.employeeId))
// allows, for every level — and the filters, sorts and figures agree with an independent reading
// written here from raw rows (SPEC §4.1/§5.3), so "agreeing" cannot mean "agreeing on a mistake".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadAccess } from "../../access/access.ts";
import { LEVEL, TELEPHONY } from "../../access/catalog.ts";
import { scopeIncludes } from "../../access/scopes.ts";
import { db } from "../../db.ts";
import { resetDatabase } from "../../demo/seed.ts";
import { CSV_PAGE, callsCsv } from "./csv.ts";
import { CALL_SORT_KEYS, type CallParams, DIRECTIONS, normalizeCallParams, STATUSES } from "./params.ts";
import { queryCalls } from "./query.ts";

const LEVELS = [LEVEL.NONE, LEVEL.LOW, LEVEL.MID, LEVEL.MAX];
const NOW = new Date("2026-06-15T10:00:00Z");
const HOUR = 3_600_000;

const organisation = fc.record({
  users: fc.array(fc.record({ admin: fc.integer({ min: 0, max: 7 }).map((n) => n === 0) }), {
    minLength: 2,
    maxLength: 10,
  }),
  departments: fc.array(fc.record({ parent: fc.nat(), head: fc.option(fc.nat(), { nil: null }) }), { maxLength: 5 }),
  memberships: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 16 }),
  // Each user's own statistics level (a personal role): covers denied, own, own+department, any.
  levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 10, maxLength: 10 }),
  calls: fc.array(
    fc.record({
      employee: fc.option(fc.nat(), { nil: null, freq: 8 }),
      direction: fc.constantFrom(...DIRECTIONS),
      status: fc.constantFrom(...STATUSES),
      // Hours before NOW: up to ~40 days, so some fall outside the default 30-day range.
      hoursAgo: fc.integer({ min: -2, max: 960 }),
      number: fc.constantFrom("+4930555100", "+4930555199", "+3902555", "+97145551000"),
      duration: fc.integer({ min: 0, max: 900 }),
      crm: fc.option(fc.tuple(fc.constantFrom("LEAD", "CONTACT"), fc.integer({ min: 1, max: 3 })), { nil: null }),
    }),
    { maxLength: 40 },
  ),
  filter: fc.record({
    employees: fc.array(fc.nat(), { maxLength: 2 }),
    direction: fc.subarray([...DIRECTIONS]),
    status: fc.subarray([...STATUSES]),
    number: fc.constantFrom("", "555", "0305551", "+39"),
    crm: fc.option(fc.tuple(fc.constantFrom("LEAD", "CONTACT"), fc.option(fc.integer({ min: 1, max: 3 }))), {
      nil: null,
    }),
    from: fc.option(fc.integer({ min: 0, max: 45 }), { nil: null }),
    sort: fc.constantFrom(...CALL_SORT_KEYS),
    dir: fc.constantFrom("asc" as const, "desc" as const),
  }),
});
type Org = typeof organisation extends fc.Arbitrary<infer T> ? T : never;

async function build(org: Org) {
  await resetDatabase(db);
  const users: { id: number }[] = [];
  for (const [index, user] of org.users.entries())
    users.push(
      await db.user.create({
        data: {
          email: `c${index}@p.test`,
          firstName: "F",
          // Zero-padded, so the database's collation and the oracle's string order agree.
          lastName: `L${String(index).padStart(2, "0")}`,
          kind: "EMPLOYEE",
          isPortalAdmin: user.admin,
        },
      }),
    );
  const pick = <T>(list: T[], n: number) => list[n % list.length]!;
  const root = await db.department.create({ data: { name: "root", path: "tmp", depth: 0 } });
  const departments = [await db.department.update({ where: { id: root.id }, data: { path: `/${root.id}/` } })];
  for (const spec of org.departments) {
    const parent = pick(departments, spec.parent);
    const created = await db.department.create({
      data: {
        name: "d",
        parentId: parent.id,
        depth: parent.depth + 1,
        path: `tmp${departments.length}`,
        headId: spec.head === null ? null : pick(users, spec.head).id,
      },
    });
    departments.push(
      await db.department.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } }),
    );
  }
  await db.departmentMember.createMany({
    data: org.memberships.map(([d, u]) => ({ departmentId: pick(departments, d).id, userId: pick(users, u).id })),
    skipDuplicates: true,
  });
  for (const [index, user] of users.entries())
    await db.role.create({
      data: {
        module: "TELEPHONY",
        name: `t${index}`,
        permissions: { create: [{ key: TELEPHONY.callStatistics.key, level: org.levels[index]! }] },
        assignments: { create: [{ subjectKind: "USER", subjectRefId: user.id }] },
      },
    });
  await db.call.createMany({
    data: org.calls.map((call, index) => ({
      externalId: `p${index}`,
      employeeId: call.employee === null ? null : pick(users, call.employee).id,
      direction: call.direction,
      status: call.status,
      phoneNumber: call.number,
      startedAt: new Date(NOW.getTime() - call.hoursAgo * HOUR),
      durationSeconds: call.status === "ANSWERED" ? call.duration : 0,
      crmEntityType: call.crm?.[0] ?? null,
      crmEntityId: call.crm?.[1] ?? null,
    })),
  });
  return { users, departments };
}

/** SPEC §4.1 read literally: none → nothing, own → own calls, mid → own and own departments' trees, max → all. */
async function oracleSees(viewerId: number) {
  const viewer = await db.user.findUniqueOrThrow({ where: { id: viewerId } });
  const departments = await db.department.findMany();
  const members = await db.departmentMember.findMany();
  const role = await db.role.findFirstOrThrow({
    where: { assignments: { some: { subjectKind: "USER", subjectRefId: viewerId } } },
    include: { permissions: true },
  });
  const level = viewer.isPortalAdmin ? LEVEL.MAX : (role.permissions[0]?.level ?? LEVEL.NONE);
  const belongs = (userId: number, departmentId: number) =>
    members.some((m) => m.userId === userId && m.departmentId === departmentId) ||
    departments.some((d) => d.id === departmentId && d.headId === userId);
  const own = departments.filter((d) => belongs(viewerId, d.id));
  const tree = departments.filter((d) => own.some((o) => d.path.startsWith(o.path))).map((d) => d.id);
  return (employeeId: number | null) => {
    if (level >= LEVEL.MAX) return true;
    if (employeeId === null || level <= LEVEL.NONE) return false;
    if (employeeId === viewerId) return true;
    return level >= LEVEL.MID && tree.some((d) => belongs(employeeId, d));
  };
}

/** The same day arithmetic read plainly: UTC console, so a calendar day is [00:00Z, 24:00Z). */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

describe("call log: rows and statistics are exactly the allowed calls (property)", () => {
  // Small export pages, so the keyset and offset continuations are crossed many times.
  CSV_PAGE.size = 3;
  it("for random organisations, levels, calls, filters and sorts", async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (org) => {
        const { users } = await build(org);
        const all = await db.call.findMany({ include: { employee: true } });
        const f = org.filter;
        for (const viewer of users) {
          const access = await loadAccess(db, viewer.id);
          const scope = await access.calls("statistics");
          const sees = await oracleSees(viewer.id);
          const params: CallParams = {
            employees: f.employees.map((n) => users[n % users.length]!.id),
            direction: f.direction,
            status: f.status,
            from: f.from === null ? null : new Date(`${dayOf(new Date(NOW.getTime() - f.from * 24 * HOUR))}T00:00:00Z`),
            to: null,
            number: f.number,
            crmType: f.crm?.[0] ?? "",
            crmId: f.crm?.[1] ?? null,
            sort: f.sort,
            dir: f.dir,
            page: 1,
            perPage: 100,
          };
          const query = { ...normalizeCallParams(params, 100), perPage: 1000 };
          const result = await queryCalls(db, access, query, { now: NOW, timeZone: "UTC" });

          // Independent reading of the filters.
          const end = new Date(`${dayOf(NOW)}T00:00:00Z`).getTime() + 24 * HOUR;
          const start = params.from ? params.from.getTime() : end - 30 * 24 * HOUR;
          const digits = f.number.replace(/\D/g, "").replace(/^0+/, "");
          const expected = all.filter(
            (call) =>
              sees(call.employeeId) &&
              call.startedAt.getTime() >= start &&
              call.startedAt.getTime() < end &&
              (params.employees.length === 0 || params.employees.includes(call.employeeId ?? -1)) &&
              (f.direction.length === 0 || f.direction.includes(call.direction)) &&
              (f.status.length === 0 || f.status.includes(call.status)) &&
              (f.number === "" || call.phoneNumber.includes(f.number.startsWith("+") ? f.number : digits)) &&
              (!f.crm || (call.crmEntityType === f.crm[0] && (f.crm[1] === null || call.crmEntityId === f.crm[1]))),
          );
          const sign = f.dir === "asc" ? 1 : -1;
          const key = (call: (typeof all)[number]): (string | number | null)[] =>
            f.sort === "startedAt"
              ? [call.startedAt.getTime()]
              : f.sort === "duration"
                ? [call.durationSeconds]
                : f.sort === "number"
                  ? [call.phoneNumber]
                  : [call.employee?.lastName ?? null];
          const compare = (a: (typeof all)[number], b: (typeof all)[number]) => {
            const [x] = key(a);
            const [y] = key(b);
            if (x !== y) {
              if (x === null) return 1; // no employee: last either way
              if (y === null) return -1;
              return (x < y ? -1 : 1) * sign;
            }
            if (f.sort === "employee" && a.employeeId !== b.employeeId)
              return ((a.employeeId ?? 0) - (b.employeeId ?? 0)) * sign;
            return (a.id - b.id) * sign;
          };
          expected.sort(compare);
          expect(result.rows.map((row) => row.id)).toEqual(expected.map((call) => call.id));
          // The single-record check agrees row by row, and on the whole filtered set.
          for (const row of result.rows) expect(scopeIncludes(scope, row.employeeId)).toBe(true);
          expect(
            all
              .filter((call) => scopeIncludes(scope, call.employeeId))
              .map((call) => call.id)
              .sort(),
          ).toEqual(
            all
              .filter((call) => sees(call.employeeId))
              .map((call) => call.id)
              .sort(),
          );

          // The CSV export: the same calls in the same order.
          const lines: string[] = [];
          const headers = {
            startedAt: "s",
            employee: "e",
            direction: "d",
            status: "st",
            number: "n",
            duration: "du",
            recording: "r",
            line: "l",
            crm: "c",
          };
          for await (const chunk of callsCsv(db, access, query, ["startedAt", "duration"], headers, {
            now: NOW,
            timeZone: "UTC",
          }))
            lines.push(...chunk.split("\r\n").filter(Boolean));
          expect(lines).toEqual([
            "\uFEFFs,du",
            ...expected.map((call) => `${call.startedAt.toISOString()},${call.durationSeconds}`),
          ]);
          // And unfiltered (scope and range only), so exports run over several pages.
          const unfiltered = {
            ...query,
            employees: [],
            direction: [],
            status: [],
            number: "",
            crmType: "",
            crmId: null,
          };
          const allLines: string[] = [];
          for await (const chunk of callsCsv(db, access, unfiltered, ["startedAt", "duration"], headers, {
            now: NOW,
            timeZone: "UTC",
          }))
            allLines.push(...chunk.split("\r\n").filter(Boolean));
          const inRange = all
            .filter((c) => sees(c.employeeId) && c.startedAt.getTime() >= start && c.startedAt.getTime() < end)
            .sort(compare);
          expect(allLines.slice(1)).toEqual(inRange.map((c) => `${c.startedAt.toISOString()},${c.durationSeconds}`));

          // Statistics over the same set.
          const answered = expected.filter((call) => call.status === "ANSWERED");
          const total = expected.reduce((sum, call) => sum + call.durationSeconds, 0);
          expect(result.total).toBe(expected.length);
          expect(result.statistics.totals).toEqual({
            calls: expected.length,
            answered: answered.length,
            missed: expected.filter((call) => call.status === "MISSED").length,
            totalSeconds: total,
            averageSeconds: expect.closeTo(
              answered.length ? answered.reduce((sum, call) => sum + call.durationSeconds, 0) / answered.length : 0,
              6,
            ),
          });
          const perEmployee = new Map<number | null, number>();
          for (const call of expected) perEmployee.set(call.employeeId, (perEmployee.get(call.employeeId) ?? 0) + 1);
          const top = [...perEmployee.entries()]
            .sort(([a, x], [b, y]) => y - x || (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER))
            .slice(0, 10);
          expect(result.statistics.employees.map((e) => [e.employeeId, e.calls])).toEqual(top);
          for (const e of result.statistics.employees) {
            const own = expected.filter((call) => call.employeeId === e.employeeId);
            expect(e.answered).toBe(own.filter((call) => call.status === "ANSWERED").length);
            expect(e.missed).toBe(own.filter((call) => call.status === "MISSED").length);
            expect(e.totalSeconds).toBe(own.reduce((sum, call) => sum + call.durationSeconds, 0));
          }
          const days = new Map<string, { answered: number; missed: number; other: number }>();
          for (const call of expected) {
            const day = days.get(dayOf(call.startedAt)) ?? { answered: 0, missed: 0, other: 0 };
            if (call.status === "ANSWERED") day.answered += 1;
            else if (call.status === "MISSED") day.missed += 1;
            else day.other += 1;
            days.set(dayOf(call.startedAt), day);
          }
          expect(result.statistics.days).toEqual(
            [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, counts]) => ({ day, ...counts })),
          );
        }
      }),
      { numRuns: 30, seed: 20261203 },
    );
  }, 240_000);
});
