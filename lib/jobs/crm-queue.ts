// Asking for a CRM run of a mailbox: after a sync committed new messages, when CRM is switched on
// (the backfill), and from the scheduler for every mailbox whose CRM cursor is behind its sync.
import type { Db } from "../db.ts";
import { CRM_QUEUE, type CrmJobData, getBoss } from "./boss.ts";

export async function requestCrm(mailboxIds: number[]): Promise<number> {
  if (mailboxIds.length === 0) return 0;
  const boss = await getBoss();
  let sent = 0;
  for (const mailboxId of mailboxIds) {
    const data: CrmJobData = { mailboxId };
    if (await boss.send(CRM_QUEUE, data, { singletonKey: String(mailboxId) })) sent += 1;
  }
  return sent;
}

/**
 * Mailboxes with CRM on that have work: a backfill owed, or messages stored past the CRM cursor.
 * A request lost on the way (a crash between the sync's commit and its request) is found here.
 */
export async function enqueuePendingCrm(db: Db, limit = 1000): Promise<number> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT m.id FROM "Mailbox" m
    WHERE m."crmEnabled" AND m.status <> 'NEEDS_PASSWORD' AND (
      EXISTS (SELECT 1 FROM "CrmMailboxState" s WHERE s."mailboxId" = m.id AND s."backfillDays" IS NOT NULL)
      OR EXISTS (SELECT 1 FROM "MailFolder" f WHERE f."mailboxId" = m.id AND f."crmUid" < f."lastSyncedUid"))
    ORDER BY m.id LIMIT ${limit}`;
  return requestCrm(rows.map((row) => row.id));
}

/** A throttled request for one mailbox, for the sync to call after each committed window. */
export function crmRequester(mailboxId: number, intervalMs = 5_000) {
  let last = 0;
  return {
    /** After a window: at most once per interval. */
    soon() {
      if (Date.now() - last < intervalMs) return;
      last = Date.now();
      void requestCrm([mailboxId]).catch(() => undefined);
    },
    /** At the end of a sync: always (the scheduler would find it anyway, later). */
    now: () => requestCrm([mailboxId]).catch(() => 0),
  };
}
