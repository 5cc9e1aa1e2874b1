// pg-boss on the console's own database (schema "pgboss"). The web process only sends jobs;
// workers also run maintenance. One instance per process, started on first use.
import PgBoss from "pg-boss";
import { env } from "../env.ts";

export const SYNC_QUEUE = "mailbox-sync";
/** CRM processing of a mailbox's new messages (lib/crm/pipeline), one queued job per mailbox. */
export const CRM_QUEUE = "mailbox-crm";

export interface CrmJobData {
  mailboxId: number;
}

export interface SyncJobData {
  mailboxId: number;
  manual: boolean;
}

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

async function start(role: "web" | "worker", connectionString: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: role === "web" ? 2 : 4,
    supervise: role === "worker",
    schedule: false,
    // Finished jobs carry nothing worth keeping (results live on the mailbox); keep the table small.
    deleteAfterDays: 2,
  });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  // One queued sync per mailbox; a sync that is running does not block the next request.
  await createQueueOnce(boss, SYNC_QUEUE, { retryLimit: 0 });
  // CRM runs are safe to repeat (processed marks): a failed one is retried with a backoff.
  await createQueueOnce(boss, CRM_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  return boss;
}

// pg-boss creates a queue with DDL (a partition of its job table) under no lock of its own: when
// the web process and a worker start at the same moment, PostgreSQL may pick one of them as a
// deadlock victim (40P01). The other one has then created the queue, so trying again succeeds.
async function createQueueOnce(
  boss: PgBoss,
  name: string,
  retries: { retryLimit: number; retryDelay?: number; retryBackoff?: boolean },
  attempts = 5,
) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await boss.createQueue(name, { name, policy: "short", expireInSeconds: 30 * 60, ...retries });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export function getBoss(role: "web" | "worker" = "web"): Promise<PgBoss> {
  globalForBoss.boss ??= start(role, env().DATABASE_URL).catch((error) => {
    globalForBoss.boss = undefined;
    throw error;
  });
  return globalForBoss.boss;
}

export async function stopBoss() {
  const boss = await globalForBoss.boss?.catch(() => undefined);
  globalForBoss.boss = undefined;
  await boss?.stop({ graceful: false, wait: true, close: true });
}
