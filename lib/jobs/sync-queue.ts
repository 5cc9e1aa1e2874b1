// Asking for a sync: "Sync now", the scheduler, a new connection, the owner opening their mail.
import type { Db } from "../db.ts";
import { getBoss, SYNC_QUEUE, type SyncJobData } from "./boss.ts";

export async function requestSync(db: Db, mailboxIds: number[], options: { manual: boolean }): Promise<number> {
  if (mailboxIds.length === 0) return 0;
  const boss = await getBoss();
  // A running sync keeps showing "syncing"; the next one is queued behind it.
  await db.mailbox.updateMany({ where: { id: { in: mailboxIds }, syncState: "IDLE" }, data: { syncState: "QUEUED" } });
  let sent = 0;
  for (const mailboxId of mailboxIds) {
    const data: SyncJobData = { mailboxId, manual: options.manual };
    if (await boss.send(SYNC_QUEUE, data, { singletonKey: String(mailboxId) })) sent += 1;
  }
  return sent;
}
