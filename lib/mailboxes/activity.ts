// "Active in the console" (SPEC §3.5): recorded at most every few minutes per person; while
// someone is active their mailboxes sync every 10 minutes instead of daily.
import type { Db } from "../db.ts";
import { ACTIVE_INTERVAL_MS } from "../mail/sync/schedule.ts";

const RECORD_EVERY_MS = 5 * 60_000;

export async function recordActivity(db: Db, user: { id: number; lastActivityAt: Date | null }, now = new Date()) {
  if (user.lastActivityAt && now.getTime() - user.lastActivityAt.getTime() < RECORD_EVERY_MS) return;
  await db.user.update({ where: { id: user.id }, data: { lastActivityAt: now } });
  // Mailboxes waiting for their daily slot move up to the 10-minute rhythm.
  await db.mailbox.updateMany({
    where: { ownerId: user.id, autoSync: true, nextSyncAt: { gt: new Date(now.getTime() + ACTIVE_INTERVAL_MS) } },
    data: { nextSyncAt: new Date(now.getTime() + ACTIVE_INTERVAL_MS) },
  });
}

/** The owner opened their mail: sync now what has not been synced in the last minutes. */
export function staleOwnMailboxes(
  mailboxes: {
    own: boolean;
    id: number;
    autoSync: boolean;
    sync: { status: string; syncState: string; lastSyncAt: string | null };
  }[],
  now = new Date(),
) {
  return mailboxes
    .filter(
      (mailbox) =>
        mailbox.own &&
        mailbox.autoSync &&
        mailbox.sync.status !== "NEEDS_PASSWORD" &&
        mailbox.sync.syncState === "IDLE",
    )
    .filter(
      (mailbox) => !mailbox.sync.lastSyncAt || now.getTime() - new Date(mailbox.sync.lastSyncAt).getTime() > 2 * 60_000,
    )
    .map((mailbox) => mailbox.id);
}
