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

const settings = env();
const requeued = await requeueAbandonedSyncs(db, settings.DATABASE_URL);
if (requeued) log(`resuming ${requeued} sync(s) left unfinished by a stopped worker`);
const worker = startSyncWorker(db, {
  connectionString: settings.DATABASE_URL,
  concurrency: settings.SYNC_CONCURRENCY,
  hostConcurrency: settings.MAIL_HOST_CONCURRENCY,
  syncOptions: { windowSize: settings.SYNC_WINDOW_SIZE },
  log: process.env.WORKER_VERBOSE ? log : undefined,
});

const SCHEDULER_INTERVAL_MS = 15_000;
async function schedule() {
  try {
    await scheduleUnscheduled(db);
    await enqueueDueMailboxes(db);
  } catch (error) {
    log(`scheduler: ${error instanceof Error ? error.message : String(error)}`);
  }
}
await schedule();
const timer = setInterval(schedule, SCHEDULER_INTERVAL_MS);
log(`syncing with ${settings.SYNC_CONCURRENCY} at a time, ${settings.MAIL_HOST_CONCURRENCY} per mail server`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  await worker.stop();
  await stopBoss();
  await disconnectDb();
  await runtime.database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
