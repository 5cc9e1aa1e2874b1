// The sync worker: takes mailbox-sync jobs, at most `concurrency` at once, and at most
// `hostConcurrency` connections per mail server across all workers (advisory-lock slots).
import type { Database } from "../db.ts";
import { type SyncOptions, syncMailbox } from "../mail/sync/mailbox-sync.ts";
import { getBoss, SYNC_QUEUE, type SyncJobData } from "./boss.ts";
import { crmRequester } from "./crm-queue.ts";
import { runJobLoop } from "./job-loop.ts";
import { LockSession } from "./locks.ts";
import { requestSync } from "./sync-queue.ts";

export interface SyncWorkerOptions {
  connectionString: string;
  concurrency: number;
  hostConcurrency: number;
  pollMs?: number;
  syncOptions?: SyncOptions;
  log?: (line: string) => void;
}

export function startSyncWorker(db: Database, options: SyncWorkerOptions) {
  const log = options.log ?? (() => {});

  async function runJob(job: { id: string; data: SyncJobData }) {
    const { mailboxId, manual } = job.data;
    let session: LockSession | undefined;
    try {
      const boss = await getBoss("worker");
      session = await LockSession.open(options.connectionString);
      const mailbox = await db.mailbox.findUnique({
        where: { id: mailboxId },
        select: { imapHost: true, status: true, crmEnabled: true },
      });
      if (!mailbox || !(await session.lockMailbox(mailboxId))) {
        // Disconnected meanwhile, or another worker is syncing it right now.
        await boss.complete(SYNC_QUEUE, job.id);
        return;
      }
      if ((await session.takeHostSlot(mailbox.imapHost, options.hostConcurrency)) === null) {
        // The server already has its share of connections: try again in a few seconds.
        await boss.send(SYNC_QUEUE, job.data, {
          singletonKey: String(mailboxId),
          startAfter: 2 + Math.round(Math.random() * 4),
        });
        await boss.complete(SYNC_QUEUE, job.id);
        return;
      }
      // Losing the lock connection (a database restart) stops the sync: another worker may take it.
      // With CRM on, new messages go to the CRM pipeline as their windows commit, and once more at the end.
      const crm = mailbox.crmEnabled ? crmRequester(mailboxId) : null;
      const report = await syncMailbox(db, mailboxId, {
        ...options.syncOptions,
        manual,
        signal: session.signal,
        onNewMessages: crm?.soon,
      });
      if (report.ok) await crm?.now();
      log(`mailbox ${mailboxId}: ${report.ok ? "synced" : `failed (${report.error?.code})`}`);
      await boss.complete(SYNC_QUEUE, job.id);
    } catch (error) {
      // Never thrown on: a job that fails (the database gone, say) must not take the worker down.
      log(`mailbox ${mailboxId}: job failed: ${error instanceof Error ? error.message : String(error)}`);
      await getBoss("worker")
        .then((boss) => boss.fail(SYNC_QUEUE, job.id, { message: error instanceof Error ? error.message : "failed" }))
        .catch(() => undefined);
    } finally {
      await session?.close();
    }
  }

  return runJobLoop<SyncJobData>(SYNC_QUEUE, options, runJob);
}

/**
 * After a crash, mailboxes can be left "syncing" with nobody working on them. Those whose lock is
 * free are not being synced by anyone: queue them again; the resumable cursor continues the work.
 */
export async function requeueAbandonedSyncs(db: Database, connectionString: string): Promise<number> {
  const candidates = await db.mailbox.findMany({ where: { syncState: "RUNNING" }, select: { id: true } });
  // Every scheduler tick asks: without candidates, no lock connection is opened.
  if (candidates.length === 0) return 0;
  const abandoned: number[] = [];
  const session = await LockSession.open(connectionString);
  try {
    for (const { id } of candidates) {
      if (await session.lockMailbox(id)) abandoned.push(id);
    }
  } finally {
    await session.close();
  }
  await db.mailbox.updateMany({ where: { id: { in: abandoned } }, data: { syncState: "IDLE" } });
  return requestSync(db, abandoned, { manual: false });
}
