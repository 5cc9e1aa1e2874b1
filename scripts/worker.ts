// npm run worker: syncs mailboxes (pg-boss jobs) and schedules the ones that are due.
// `npm start` runs one next to the web server; run more on other machines to scale out.
import { prepareRuntime } from "./lib/runtime.ts";

const log = (line: string) => console.log(`[worker] ${line}`);
const runtime = await prepareRuntime(log);
const { db, disconnectDb } = await import("../lib/db.ts");
const { env } = await import("../lib/env.ts");
const { stopBoss } = await import("../lib/jobs/boss.ts");
const { enqueueDueMailboxes, scheduleUnscheduled } = await import("../lib/jobs/scheduler.ts");
const { requeueAbandonedSyncs, startSyncWorker } = await import("../lib/jobs/sync-worker.ts");
const { startCrmWorker } = await import("../lib/jobs/crm-worker.ts");
const { enqueuePendingCrm } = await import("../lib/jobs/crm-queue.ts");
const { deleteExpiredRecordings, RETENTION_INTERVAL_MS } = await import("../lib/telephony/retention.ts");
const { recordingStorage } = await import("../lib/telephony/storage.ts");
const { runDeactivationDeadlines } = await import("../lib/people/deactivation.ts");

const settings = env();
const worker = startSyncWorker(db, {
  connectionString: settings.DATABASE_URL,
  concurrency: settings.SYNC_CONCURRENCY,
  hostConcurrency: settings.MAIL_HOST_CONCURRENCY,
  syncOptions: { windowSize: settings.SYNC_WINDOW_SIZE },
  log: process.env.WORKER_VERBOSE ? log : undefined,
});
const crmWorker = startCrmWorker(db, {
  concurrency: settings.CRM_CONCURRENCY,
  batchSize: settings.CRM_BATCH_SIZE,
  log: process.env.WORKER_VERBOSE ? log : undefined,
});

// A worker outlives the database going away: whatever fails while it is down is logged (once per
// kind of failure) and tried again on the next tick, never allowed to end the process.
let lastProblem = "";
function report(where: string, error: unknown) {
  const problem = `${where}: ${error instanceof Error ? error.message : String(error)}`;
  if (problem !== lastProblem) log(problem);
  lastProblem = problem;
}
process.on("unhandledRejection", (error) => report("unhandled", error));

// Recording retention: at start, then daily. Only a successful run counts, so a run that failed
// (database away) is tried again on the next tick rather than a day later.
let lastRetentionRun = 0;
async function expireRecordings() {
  if (Date.now() - lastRetentionRun < RETENTION_INTERVAL_MS) return;
  const deleted = await deleteExpiredRecordings(db, recordingStorage(), { log });
  lastRetentionRun = Date.now();
  if (deleted) log(`retention: deleted ${deleted} recording(s) past the retention period`);
}

// Deactivated owners' mailboxes (SPEC §3.7): the day-23 warning and the day-30 disconnection come
// from here, not from page views. Checked every few minutes; each step happens once (idempotent).
const DEADLINE_INTERVAL_MS = 5 * 60_000;
let lastDeadlineRun = 0;
async function deactivationDeadlines() {
  if (Date.now() - lastDeadlineRun < DEADLINE_INTERVAL_MS) return;
  const { warnedUsers, disconnectedMailboxes } = await runDeactivationDeadlines(db);
  lastDeadlineRun = Date.now();
  if (warnedUsers || disconnectedMailboxes) {
    log(`deactivation: warned about ${warnedUsers} user(s), disconnected ${disconnectedMailboxes} mailbox(es)`);
  }
}

async function schedule() {
  try {
    await scheduleUnscheduled(db);
    await enqueueDueMailboxes(db);
    // Syncs whose worker died, or whose database connection did (a restart), hold no lock: resume them.
    const resumed = await requeueAbandonedSyncs(db, settings.DATABASE_URL);
    if (resumed) log(`resuming ${resumed} sync(s) that nobody was working on`);
    // CRM work whose request was lost (a crash after a sync's commit), and backfills owed.
    await enqueuePendingCrm(db);
    await expireRecordings();
    await deactivationDeadlines();
    if (lastProblem) log("scheduler: running normally again");
    lastProblem = "";
  } catch (error) {
    report("scheduler", error);
  }
}
await schedule();
const timer = setInterval(schedule, settings.WORKER_SCHEDULER_MS);
log(`syncing with ${settings.SYNC_CONCURRENCY} at a time, ${settings.MAIL_HOST_CONCURRENCY} per mail server`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  await Promise.all([worker.stop(), crmWorker.stop()]);
  await stopBoss();
  await disconnectDb();
  await runtime.database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
