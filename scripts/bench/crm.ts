// npm run bench:crm — the CRM pipeline's processing rate (issue #12): 20,000 new messages across
// 200 mailboxes with CRM on, on a real Dovecot, processed by 2 worker processes; and, in the same
// run, the database's own insert rate for the rows a message makes (lead or activity, processed
// mark), which is the physical limit. Target: ≥ 1,000 messages/s.
// Last line: bench:crm per_s=<n> insert_limit_per_s=<n>
import pg from "pg";
import { Dovecot } from "../lib/dovecot.ts";
import { rawMessage } from "../lib/mail-message.ts";
import { spawnWorker } from "../lib/worker-process.ts";
import { benchDatabase, round } from "./lib.ts";

const MAILBOXES = Number(process.env.BENCH_CRM_MAILBOXES ?? 200);
const PER_MAILBOX = Number(process.env.BENCH_CRM_MESSAGES ?? 100);
const WORKERS = 2;
const CRM_CONCURRENCY = Number(process.env.BENCH_CRM_CONCURRENCY ?? 4);
const TOTAL = MAILBOXES * PER_MAILBOX;
const log = (line: string) => console.log(line);

const dovecot = await Dovecot.start();
const database = await benchDatabase("bench_crm");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-auth-secret-0123456789",
  MAIL_SECRET_KEYS: process.env.MAIL_SECRET_KEYS ?? `b1:${Buffer.alloc(32, 3).toString("base64")}`,
  MAIL_ALLOWED_NETWORKS: `127.0.0.1:${dovecot.port}`,
});
const { db, disconnectDb } = await import("../../lib/db.ts");
const { createImapMailbox, createUser } = await import("../../tests/factories.ts");
const { syncMailbox } = await import("../../lib/mail/sync/mailbox-sync.ts");
const { requestCrm } = await import("../../lib/jobs/crm-queue.ts");
const { stopBoss } = await import("../../lib/jobs/boss.ts");

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("the workers did not start in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** Rows per second PostgreSQL takes for what a message makes: a lead (or an activity) and a mark. */
async function insertLimit(): Promise<number> {
  const setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  for (const table of ["CrmLead", "CrmActivity", "CrmProcessedMessage"])
    await setup.query(
      `DROP TABLE IF EXISTS "bench_${table}"; CREATE TABLE "bench_${table}" (LIKE "${table}" INCLUDING ALL)`,
    );
  await setup.end();
  const batch = 500;
  const batches = Array.from({ length: Math.ceil(TOTAL / batch) }, (_, index) => index);
  const started = process.hrtime.bigint();
  await inParallel(batches, WORKERS * CRM_CONCURRENCY, async (index) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = JSON.stringify(
        Array.from({ length: batch }, (_, row) => [index * batch + row, `limit${index}.${row}@bench.test`]),
      );
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "bench_CrmLead" (id, title, email, phones, "updatedAt")
         SELECT (r->>0)::int, 'Enquiry', r->>1, '{}', now() FROM jsonb_array_elements($1::jsonb) r`,
        [rows],
      );
      await client.query(
        `INSERT INTO "bench_CrmActivity" (id, kind, "leadId", "toAddresses", "occurredAt", subject)
         SELECT (r->>0)::int, 'EMAIL_IN', (r->>0)::int, '{}', now(), 'Enquiry' FROM jsonb_array_elements($1::jsonb) r`,
        [rows],
      );
      await client.query(
        `INSERT INTO "bench_CrmProcessedMessage" ("mailboxId", "messageKey", outcome, leads, activities)
         SELECT 1, r->>1, 'LEAD_CREATED', 1, 1 FROM jsonb_array_elements($1::jsonb) r`,
        [rows],
      );
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  });
  return TOTAL / (Number(process.hrtime.bigint() - started) / 1e9);
}

try {
  // ── mail: 200 mailboxes of 100 messages; 70 % from senders the CRM has never seen ──
  const seedStart = Date.now();
  const users = Array.from(
    { length: MAILBOXES },
    (_, index) => [`crm${index}@bench.test`, "bench"] as [string, string],
  );
  await dovecot.addUsers(users);
  for (const [mailboxIndex, [user]] of users.entries()) {
    await dovecot.seedRaw(
      user,
      "INBOX",
      Array.from({ length: PER_MAILBOX }, (_, index) => {
        const sender = index % 10 < 7 ? `new${mailboxIndex}.${index}` : `repeat${mailboxIndex}.${index % 7}`;
        return {
          raw: rawMessage({
            from: `Client ${sender} <${sender}@clients.example>`,
            to: user,
            subject: `Enquiry ${mailboxIndex}/${index}`,
            date: new Date(Date.now() - (PER_MAILBOX - index) * 60_000),
          }),
        };
      }),
    );
  }
  log(`seeded ${TOTAL} messages in ${MAILBOXES} mailboxes in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const queue = await Promise.all([createUser(db), createUser(db), createUser(db)]);
  const owner = await createUser(db);
  const boxes: number[] = [];
  for (const [user, password] of users) {
    const mailbox = await createImapMailbox(db, owner.id, { port: dovecot.port, user, password });
    await db.mailboxCrmQueueMember.createMany({
      data: queue.map((member, position) => ({ mailboxId: mailbox.id, userId: member.id, position })),
    });
    boxes.push(mailbox.id);
  }
  const syncStart = Date.now();
  await inParallel(boxes, 8, async (id) => {
    const report = await syncMailbox(db, id);
    if (!report.ok) throw new Error(`sync of mailbox ${id} failed: ${report.error?.message}`);
  });
  log(`synced ${MAILBOXES} mailboxes (untimed setup) in ${((Date.now() - syncStart) / 1000).toFixed(1)} s`);

  // ── the pipeline: two worker processes running, then CRM switched on for every mailbox ──
  const marks = async () => db.crmProcessedMessage.count();
  const env = { ...process.env, CRM_CONCURRENCY: String(CRM_CONCURRENCY), WORKER_SCHEDULER_MS: "500" };
  const spawned = process.hrtime.bigint();
  const workers = Array.from({ length: WORKERS }, () => spawnWorker(env, { concurrency: 1, stdio: "ignore" }));
  let started = spawned;
  try {
    // Ready: both workers have started their job queues (pg-boss creates the CRM queue on start).
    await waitUntil(async () => {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pgboss'`;
      return (rows[0]?.n ?? 0) >= WORKERS;
    });
    log(`workers ready in ${(Number(process.hrtime.bigint() - spawned) / 1e9).toFixed(1)} s`);
    started = process.hrtime.bigint();
    await db.mailbox.updateMany({ where: { id: { in: boxes } }, data: { crmEnabled: true } });
    await requestCrm(boxes);
    const deadline = Date.now() + 600_000;
    for (let done = await marks(); done < TOTAL; done = await marks()) {
      if (Date.now() > deadline) throw new Error(`only ${done} of ${TOTAL} messages processed in 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(
      workers.map((worker) =>
        worker.exitCode === null && worker.signalCode === null
          ? new Promise((resolve) => worker.once("exit", resolve))
          : undefined,
      ),
    );
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = TOTAL / seconds;
  const [leads, activities] = await Promise.all([db.crmLead.count(), db.crmActivity.count()]);
  const byMember = await db.crmLead.groupBy({ by: ["responsibleId"], _count: true });
  log(
    `pipeline: ${TOTAL} messages in ${seconds.toFixed(1)} s with ${WORKERS} workers × ${CRM_CONCURRENCY} mailboxes at a time: ` +
      `${leads} leads, ${activities} activities; queue ${byMember.map((row) => row._count).join("/")}`,
  );
  const limit = await insertLimit();
  log(`insert limit: the same rows written straight with ${WORKERS * CRM_CONCURRENCY} connections`);
  log(`bench:crm per_s=${round(perSecond, 0)} insert_limit_per_s=${round(limit, 0)}`);
} finally {
  await stopBoss();
  await disconnectDb();
  await dovecot.stop();
  await database.stop();
}
