// npm run bench:access — 20,000 users, 500 departments, 40 roles, 2,000 assignments; p50/p95 of
// one user's effective permissions and of building the mailbox-scope filter. Target p95 ≤ 5 ms.
import pg from "pg";
import { Random } from "../../lib/demo/random.ts";
import { benchDatabase, bulkInsert, percentile, round, timed } from "./lib.ts";
import { buildOrganisation } from "./org.ts";

const USERS = 20_000;
const DEPARTMENTS = 500;
const ROLES = 40;
const ASSIGNMENTS = 2_000;
const SAMPLES = 1_000;

const database = await benchDatabase("bench_access");
process.env.DATABASE_URL = database.url;
process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789";
const setupStart = Date.now();
const org = await buildOrganisation(database.url, { users: USERS, departments: DEPARTMENTS });

const { PERMISSIONS, LEVEL } = await import("../../lib/access/catalog.ts");
const random = new Random(11);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
const roleIds: number[] = [];
for (let index = 0; index < ROLES; index += 1) {
  const module = index % 2 === 0 ? "WEBMAIL" : "TELEPHONY";
  const { rows } = await client.query(
    `INSERT INTO "Role" (module, name, "updatedAt") VALUES ($1, $2, now()) RETURNING id`,
    [module, `Role ${index}`],
  );
  const roleId = rows[0].id as number;
  roleIds.push(roleId);
  const cells = PERMISSIONS.filter((permission) => permission.module === module);
  await bulkInsert(client, "RolePermission", {
    roleId: { type: "int", values: cells.map(() => roleId) },
    key: { type: "text", values: cells.map((cell) => cell.key) },
    level: { type: "int", values: cells.map((cell) => random.pick(cell.levels).value) },
  });
}
const kinds = ["USER", "DEPARTMENT", "DEPARTMENT_TREE", "WORK_GROUP", "USER_GROUP"] as const;
const assignments = new Map<string, [number, string, number]>();
for (const special of ["ALL_EMPLOYEES", "ALL_HEADS", "ADMINS"])
  assignments.set(`${roleIds[0]}:${special}`, [roleIds[0]!, special, 0]);
while (assignments.size < ASSIGNMENTS) {
  const kind = random.pick(kinds);
  const refId =
    kind === "USER"
      ? random.pick(org.userIds)
      : kind === "WORK_GROUP"
        ? random.int(1, 20)
        : kind === "USER_GROUP"
          ? random.int(1, 10)
          : random.pick(org.departmentIds);
  const roleId = random.pick(roleIds);
  assignments.set(`${roleId}:${kind}:${refId}`, [roleId, kind, refId]);
}
const rows = [...assignments.values()];
await bulkInsert(client, "RoleAssignment", {
  roleId: { type: "int", values: rows.map((row) => row[0]) },
  subjectKind: { type: '"AccessSubjectKind"', values: rows.map((row) => row[1]) },
  subjectRefId: { type: "int", values: rows.map((row) => row[2]) },
});
// Heads see their department tree in the grid (the default Supervisor role), so the filter has work to do.
await client.query(
  `INSERT INTO "RolePermission" ("roleId", key, level) VALUES ($1, 'webmail.viewMailboxes', ${LEVEL.MID})
  ON CONFLICT ("roleId", key) DO UPDATE SET level = ${LEVEL.MID}`,
  [roleIds[0]],
);
await client.query("ANALYZE");
await client.end();
console.log(
  `organisation: ${USERS} users, ${DEPARTMENTS} departments, ${ROLES} roles, ${rows.length} assignments (built in ${((Date.now() - setupStart) / 1000).toFixed(1)} s)`,
);

const { db, disconnectDb } = await import("../../lib/db.ts");
const { resolveSubjects } = await import("../../lib/access/subjects.ts");
const { effectivePermissions } = await import("../../lib/access/effective.ts");
const { loadAccess } = await import("../../lib/access/access.ts");

// Half heads (big department scopes), half anyone.
const sample = Array.from({ length: SAMPLES }, (_, index) =>
  index % 2 === 0 ? random.pick(org.heads) : random.pick(org.userIds),
);
for (const userId of sample.slice(0, 50)) await loadAccess(db, userId); // warm-up: connections, plans

const effectiveTimes: number[] = [];
const filterTimes: number[] = [];
let largestScope = 0;
for (const userId of sample) {
  const [effective] = await timed(async () => effectivePermissions(db, await resolveSubjects(db, userId)));
  effectiveTimes.push(effective);
  const access = await loadAccess(db, userId);
  const [filter, scope] = await timed(() => access.mailboxes("view"));
  filterTimes.push(filter);
  if (scope.owners.kind === "users") largestScope = Math.max(largestScope, scope.owners.userIds.size);
}
await disconnectDb();
await database.stop();

const report = (name: string, samples: number[]) =>
  console.log(
    `${name.padEnd(28)} p50=${round(percentile(samples, 50))} ms  p95=${round(percentile(samples, 95))} ms  max=${round(Math.max(...samples))} ms`,
  );
report("effective permissions", effectiveTimes);
report("mailbox-scope filter", filterTimes);
console.log(`largest department scope: ${largestScope} people; ${SAMPLES} users sampled (half of them heads)`);
console.log(
  `bench:access p95_effective_ms=${round(percentile(effectiveTimes, 95))} p95_filter_ms=${round(percentile(filterTimes, 95))}`,
);
