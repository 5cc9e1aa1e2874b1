// npm run bench:calls — a separate database with 1,000,000 calls over a year for 20,000 users
// (500 departments) and 50,000 CRM contacts; p95 of the call log's server work (access, rows of
// one page, and the statistics: totals, top employees, per day) over the default 30-day range,
// with and without filters, for the administrator and for a head whose scope is ~2,000 people;
// and of the outgoing-call check. Targets: log ≤ 100 ms, check ≤ 5 ms.
import pg from "pg";
import { Random } from "../../lib/demo/random.ts";
import { benchDatabase, bulkInsert, percentile, round, timed } from "./lib.ts";
import { buildOrganisation } from "./org.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 1_000_000);
const USERS = 20_000;
const DEPARTMENTS = 500;
const CONTACTS = 50_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WARM_UP = 10;
const DAY = 86_400_000;

const database = await benchDatabase("bench_calls");
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789";
const setupStart = Date.now();
const org = await buildOrganisation(database.url, { users: USERS, departments: DEPARTMENTS });

// Deterministic data: employees' own numbers, CRM contacts' numbers, and the calls between them.
const random = new Random(29);
const phone = (n: number) => `+4930${String(n).padStart(7, "0")}`;
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await client.query(`UPDATE "User" SET phones = ARRAY['+4989' || lpad(id::text, 7, '0')] WHERE kind = 'EMPLOYEE'`);
await client.query(
  `INSERT INTO "CrmContact" (name, phones)
   SELECT 'Contact ' || g, ARRAY['+4930' || lpad(g::text, 7, '0')] FROM generate_series(1, $1::int) g`,
  [CONTACTS],
);
const employees = org.userIds.filter((id) => id % 50 !== 0);
const now = Date.now();
const callIds = Array.from({ length: CALLS }, (_, index) => index + 1);
const statuses = callIds.map(() => {
  const roll = random.next();
  return roll < 0.7 ? "ANSWERED" : roll < 0.9 ? "MISSED" : roll < 0.95 ? "BUSY" : "FAILED";
});
await bulkInsert(client, "Call", {
  externalId: { type: "text", values: callIds.map((id) => `bench-${id}`) },
  employeeId: { type: "int", values: callIds.map(() => (random.chance(0.01) ? null : random.pick(employees))) },
  direction: { type: '"CallDirection"', values: callIds.map(() => (random.chance(0.55) ? "INCOMING" : "OUTGOING")) },
  status: { type: '"CallStatus"', values: statuses },
  phoneNumber: { type: "text", values: callIds.map(() => phone(random.int(1, CONTACTS * 2))) },
  startedAt: { type: "timestamp", values: callIds.map(() => new Date(now - random.next() * 365 * DAY)) },
  durationSeconds: {
    type: "int",
    values: statuses.map((s) => (s === "ANSWERED" ? Math.round(random.logUniform(15, 1800)) : 0)),
  },
  crmEntityType: { type: "text", values: callIds.map((id) => (id % 3 === 0 ? "CONTACT" : null)) },
  crmEntityId: { type: "int", values: callIds.map((id) => (id % 3 === 0 ? (id % CONTACTS) + 1 : null)) },
});
// As autovacuum would have by then: statistics, and the visibility map index-only scans need.
await client.query(`VACUUM ANALYZE "Call"`);
await client.query(`ANALYZE`);

const { db, disconnectDb } = await import("../../lib/db.ts");
const { ensureDefaultRoles } = await import("../../lib/access/defaults.ts");
const { loadAccess } = await import("../../lib/access/access.ts");
const { decideOutgoingCall } = await import("../../lib/access/outgoing.ts");
const { callPage } = await import("../../lib/telephony/calls/page-data.ts");
const { loadCallParams, normalizeCallParams } = await import("../../lib/telephony/calls/params.ts");
await ensureDefaultRoles(db);
// As a company would configure it: heads hold the "Head of department" role (own department
// and below); employees may call CRM clients and colleagues only, so the check reads the data.
await client.query(`INSERT INTO "RoleAssignment" ("roleId", "subjectKind", "subjectRefId")
  SELECT id, 'ALL_HEADS', 0 FROM "Role" WHERE module = 'TELEPHONY' AND "systemCode" = 'HEAD'`);
await client.query(`UPDATE "RolePermission" SET level = 20 WHERE key = 'telephony.outgoingCall'
  AND "roleId" IN (SELECT id FROM "Role" WHERE module = 'TELEPHONY' AND "systemCode" IN ('MANAGER', 'HEAD'))`);
await client.end();

let head = { id: 0, people: 0 };
for (const candidate of new Set(org.heads)) {
  const scope = await (await loadAccess(db, candidate)).calls("statistics");
  const people = scope.kind === "users" ? scope.userIds.size : USERS;
  if (Math.abs(people - 2000) < Math.abs(head.people - 2000)) head = { id: candidate, people };
}
const ADMIN = 1;
console.log(
  `data: ${CALLS} calls, ${USERS} users, ${DEPARTMENTS} departments, ${CONTACTS} CRM contacts (built in ${((Date.now() - setupStart) / 1000).toFixed(1)} s); head ${head.id} sees ${head.people} people's calls`,
);

async function measure<T>(run: () => Promise<T>) {
  for (let index = 0; index < WARM_UP; index += 1) await run();
  const times: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < SAMPLES; index += 1) {
    const [ms, result] = await timed(run);
    times.push(ms);
    last = result;
  }
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), last: last as T };
}

const from = new Date(now - 60 * DAY).toISOString().slice(0, 10);
const to = new Date(now - 45 * DAY).toISOString().slice(0, 10);
const SCENARIOS: [name: string, userId: number, query: string][] = [
  ["admin, 30 days", ADMIN, ""],
  ["head (~2000 people), 30 days", head.id, ""],
  ["admin, missed incoming", ADMIN, "status=MISSED&direction=INCOMING"],
  ["head, missed incoming", head.id, "status=MISSED&direction=INCOMING"],
  ["admin, number contains", ADMIN, "number=3000012"],
  ["admin, one employee", ADMIN, `employees=${employees[500]}`],
  ["admin, CRM entity", ADMIN, "crmType=CONTACT&crmId=42"],
  ["admin, between dates", ADMIN, `from=${from}&to=${to}`],
  ["admin, sort by duration", ADMIN, "sort=duration&dir=desc"],
  ["head, sort by employee", head.id, "sort=employee&dir=asc"],
  ["admin, page 50", ADMIN, "page=50"],
];
const logTimes: number[] = [];
for (const [name, userId, search] of SCENARIOS) {
  const query = normalizeCallParams(loadCallParams(new URLSearchParams(search)), 20);
  const result = await measure(async () => callPage(db, await loadAccess(db, userId), query, { timeZone: "UTC" }));
  logTimes.push(result.p95);
  console.log(
    `${name.padEnd(34)} p50=${String(result.p50).padStart(6)} ms  p95=${String(result.p95).padStart(6)} ms  calls=${result.last.total}`,
  );
}

// The PBX asks per dial: the caller's access, then the decision (CRM client, employee, other).
const caller = employees[1234]!;
const numbers = [phone(777), `+4989${String(employees[42]).padStart(7, "0")}`, phone(CONTACTS + 777)];
let turn = 0;
const check = await measure(async () =>
  decideOutgoingCall(db, await loadAccess(db, caller), numbers[turn++ % numbers.length]!),
);
const access = await loadAccess(db, caller);
const decideOnly = await measure(async () => decideOutgoingCall(db, access, numbers[turn++ % numbers.length]!));
console.log(
  `outgoing-call check (access + decision) p50=${check.p50} ms  p95=${check.p95} ms; decision alone p95=${decideOnly.p95} ms`,
);

// ── Ingestion throughput ────────────────────────────────────────────────────────────────────
// Through the function the PBX API uses (lib/telephony/ingest), in batches of 1,000, on top of
// the million calls already there.
const { measureIngestion } = await import("./calls-ingest.ts");
const ingestPerSecond = round((await measureIngestion(db, { records: 100_000, batch: 1000 })).perSecond, 0);
console.log(`ingestion: ${ingestPerSecond} calls/s (batches of 1,000)`);

await disconnectDb();
await database.stop();
console.log(
  `bench:calls p95_log_ms=${Math.max(...logTimes)} p95_check_ms=${check.p95} ingest_per_s=${ingestPerSecond}`,
);
