// "Sync now" for one mailbox or a selection (grid row, bulk bar, settings page). All or nothing:
// a request naming a mailbox the actor may not edit is refused as a whole, so a forged id list
// cannot even learn which of its ids exist.
import type { Access } from "../access/access.ts";
import { canEditMailbox } from "../access/mailbox-rights.ts";
import type { Db } from "../db.ts";
import { ForbiddenError } from "../errors.ts";
import { requestSync } from "../jobs/sync-queue.ts";

export async function syncNow(db: Db, actor: Access, mailboxIds: number[]) {
  const wanted = [...new Set(mailboxIds)];
  const mailboxes = await db.mailbox.findMany({
    where: { id: { in: wanted } },
    select: { id: true, ownerId: true, status: true },
  });
  const editable = [];
  for (const mailbox of mailboxes) if (await canEditMailbox(actor, mailbox)) editable.push(mailbox);
  if (editable.length !== wanted.length) throw new ForbiddenError("sync mailboxes out of scope");
  // A mailbox waiting for its password would only fail again; the caller is told instead.
  const runnable = editable.filter((mailbox) => mailbox.status !== "NEEDS_PASSWORD").map((mailbox) => mailbox.id);
  await requestSync(db, runnable, { manual: true });
  return {
    queued: runnable,
    needPassword: editable.filter((mailbox) => mailbox.status === "NEEDS_PASSWORD").map((mailbox) => mailbox.id),
  };
}
