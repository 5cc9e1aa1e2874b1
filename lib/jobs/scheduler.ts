// Enqueues the mailboxes whose next sync is due (SPEC §3.5). Several workers may run it at once:
// the queue keeps one waiting job per mailbox.
import type { Db } from "../db.ts";
import { requestSync } from "./sync-queue.ts";

export async function enqueueDueMailboxes(db: Db, now = new Date(), limit = 1000): Promise<number> {
  const due = await db.mailbox.findMany({
    where: { autoSync: true, status: { not: "NEEDS_PASSWORD" }, nextSyncAt: { lte: now } },
    orderBy: { nextSyncAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return requestSync(
    db,
    due.map((mailbox) => mailbox.id),
    { manual: false },
  );
}

/** Mailboxes connected before the scheduler knew them (or after a restore) get a first slot. */
export async function scheduleUnscheduled(db: Db, now = new Date()) {
  await db.mailbox.updateMany({
    where: { autoSync: true, nextSyncAt: null, status: { not: "NEEDS_PASSWORD" } },
    data: { nextSyncAt: now },
  });
}
