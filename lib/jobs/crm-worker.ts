// The CRM worker: takes mailbox-crm jobs, at most `concurrency` at once. A run is safe to repeat,
// to race with another worker's and to be killed halfway (lib/crm/pipeline/commit.ts), so a job
// that fails is simply failed; pg-boss retries it, and the scheduler re-requests what is behind.
import { processMailboxCrm } from "../crm/pipeline/process.ts";
import type { Database } from "../db.ts";
import { CRM_QUEUE, type CrmJobData, getBoss } from "./boss.ts";
import { runJobLoop } from "./job-loop.ts";

export interface CrmWorkerOptions {
  concurrency: number;
  batchSize: number;
  pollMs?: number;
  log?: (line: string) => void;
}

export function startCrmWorker(db: Database, options: CrmWorkerOptions) {
  const log = options.log ?? (() => {});

  async function runJob(job: { id: string; data: CrmJobData }) {
    const { mailboxId } = job.data;
    try {
      const report = await processMailboxCrm(db, mailboxId, { batchSize: options.batchSize });
      if (report.messages > 0)
        log(`crm ${mailboxId}: ${report.messages} message(s), ${report.leads} lead(s), ${report.contacts} contact(s)`);
      await (await getBoss("worker")).complete(CRM_QUEUE, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`crm ${mailboxId}: failed: ${message}`);
      await getBoss("worker")
        .then((boss) => boss.fail(CRM_QUEUE, job.id, { message }))
        .catch(() => undefined);
    }
  }

  return runJobLoop<CrmJobData>(CRM_QUEUE, options, runJob);
}
