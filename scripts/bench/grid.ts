// npm run bench:grid — a separate database with 100,000 mailboxes, 20,000 users and 500
// departments; p50/p95 of the grid's server work (access, access filter, filters, sort, one page,
// total count, shares and queue of the page) for the administrator, a supervisor of a ~2,000-person
// sub-tree, every single filter and a three-filter combination; then the page's time to first
// byte from `next start` and the JavaScript it ships. Targets: p95 ≤ 50 ms, TTFB ≤ 300 ms, JS ≤ 250 kB.
import { randomUUID } from "node:crypto";
import { buildMailboxes } from "./grid-data.ts";
import { measurePage } from "./grid-page.ts";
import { benchDatabase, percentile, round, timed } from "./lib.ts";
import { buildOrganisation } from "./org.ts";

const MAILBOXES = 100_000;
const USERS = 20_000;
const DEPARTMENTS = 500;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WARM_UP = 10;

const database = await benchDatabase("bench_grid");
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789";
const setupStart = Date.now();
const org = await buildOrganisation(database.url, { users: USERS, departments: DEPARTMENTS });
const data = await buildMailboxes(database.url, { mailboxes: MAILBOXES, userIds: org.userIds });

const { db, disconnectDb } = await import("../../lib/db.ts");
const { ensureDefaultRoles } = await import("../../lib/access/defaults.ts");
const { loadAccess } = await import("../../lib/access/access.ts");
const { gridPage } = await import("../../lib/mailboxes/grid/page-data.ts");
const { loadGridParams, normalizeGridParams } = await import("../../lib/mailboxes/grid/params.ts");
await ensureDefaultRoles(db);

// The head whose scope (with sub-departments, the default supervisor role) is nearest 2,000 people.
let supervisor = { id: 0, people: 0 };
for (const head of new Set(org.heads)) {
  const scope = (await (await loadAccess(db, head)).mailboxes("view")).owners;
  const people = scope.kind === "users" ? scope.userIds.size : USERS;
  if (Math.abs(people - 2000) < Math.abs(supervisor.people - 2000)) supervisor = { id: head, people };
}
const ADMIN = 1;
console.log(
  `data: ${MAILBOXES} mailboxes, ${USERS} users, ${DEPARTMENTS} departments (built in ${((Date.now() - setupStart) / 1000).toFixed(1)} s); supervisor ${supervisor.id} sees ${supervisor.people} people`,
);

const syncFrom = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
const syncTo = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
const SCENARIOS: [name: string, userId: number, query: string][] = [
  ["admin, no filter", ADMIN, ""],
  ["supervisor (~2000 people)", supervisor.id, ""],
  ["search (q)", ADMIN, "q=last123"],
  ["email", ADMIN, "email=gmail"],
  ["mailbox name", ADMIN, "name=support"],
  ["sender name", ADMIN, "sender=first77"],
  ["owner", ADMIN, `owners=${data.sampleOwner}`],
  ["user with access", ADMIN, `access=${data.sampleSharedWith}`],
  ["CRM queue member", ADMIN, `queue=${data.sampleQueueMember}`],
  ["synced today", ADMIN, "sync=today"],
  ["synced yesterday", ADMIN, "sync=yesterday"],
  ["synced in 7 days", ADMIN, "sync=7d"],
  ["synced in 30 days", ADMIN, "sync=30d"],
  ["not synced for 7 days", ADMIN, "sync=older&syncDays=7"],
  ["never synced", ADMIN, "sync=never"],
  ["synced between dates", ADMIN, `sync=range&syncFrom=${syncFrom}&syncTo=${syncTo}`],
  ["in CRM", ADMIN, "crm=yes"],
  ["status: errors", ADMIN, "status=ERROR,NEEDS_PASSWORD"],
  ["disk 100–500 MB", ADMIN, "diskMin=100&diskMax=500"],
  ["three filters (CRM, OK, 7 days)", ADMIN, "crm=yes&status=OK&sync=7d"],
  ["supervisor + three filters", supervisor.id, "crm=yes&status=OK&sync=7d"],
  ["sort: owner", ADMIN, "sort=owner"],
  ["sort: last synced, oldest", ADMIN, "sort=lastSync&dir=asc"],
  ["sort: largest", ADMIN, "sort=disk&dir=desc"],
  ["sort: unread", ADMIN, "sort=unread&dir=desc"],
  ["preset: not synced 7 days", ADMIN, "sync=older&syncDays=7&sort=lastSync&dir=asc"],
  ["page 100 of 20", ADMIN, "page=100"],
];

const results: { name: string; p50: number; p95: number; total: number }[] = [];
for (const [name, userId, search] of SCENARIOS) {
  const query = normalizeGridParams(loadGridParams(new URLSearchParams(search)), 20);
  // What the page does per request: the viewer's access, then the grid page (rows, total, labels).
  const run = async () => gridPage(db, await loadAccess(db, userId), query, { timeZone: "UTC" });
  for (let index = 0; index < WARM_UP; index += 1) await run();
  const times: number[] = [];
  let total = 0;
  for (let index = 0; index < SAMPLES; index += 1) {
    const [ms, page] = await timed(run);
    times.push(ms);
    total = page.total;
  }
  const row = { name, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), total };
  results.push(row);
  console.log(
    `${name.padEnd(34)} p50=${String(row.p50).padStart(6)} ms  p95=${String(row.p95).padStart(6)} ms  rows=${total}`,
  );
}
await disconnectDb();

const page = await measurePage({
  databaseUrl: database.url,
  authSecret: process.env.AUTH_SECRET,
  userId: ADMIN,
  sessionId: randomUUID(),
});
console.log(
  `page TTFB (admin, /webmail/mailboxes, ${page.samples} requests): p50=${page.ttfbP50} ms  p95=${page.ttfbP95} ms; full response p50=${page.totalP50} ms`,
);
console.log(`page JavaScript: ${page.scripts} scripts, ${page.jsKb} kB gzip (${page.rawKb} kB uncompressed)`);
await database.stop();

const worst = Math.max(...results.map((row) => row.p95));
console.log(`bench:grid p95_max_ms=${worst} ttfb_ms=${page.ttfbP95} js_kb=${page.jsKb}`);
