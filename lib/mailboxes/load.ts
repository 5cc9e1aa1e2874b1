// Loading a mailbox for a change: it must exist, and the actor must be allowed to make it.
import type { Access } from "../access/access.ts";
import { canEditMailbox, canEditMailboxCrm } from "../access/mailbox-rights.ts";
import type { Db } from "../db.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";

export async function editableMailbox(db: Db, actor: Access, mailboxId: number, what: "settings" | "crm" = "settings") {
  const mailbox = await db.mailbox.findUnique({
    where: { id: mailboxId },
    include: { owner: { select: { status: true } } },
  });
  if (!mailbox) throw new NotFoundError(`mailbox ${mailboxId}`);
  // Someone who may not even see a mailbox learns nothing of it, not even that it exists.
  const visible = (await actor.mailboxes("view")).allows(mailbox) || (await canEditMailbox(actor, mailbox));
  if (!visible) throw new NotFoundError(`mailbox ${mailboxId}`);
  const allowed = what === "crm" ? await canEditMailboxCrm(actor, mailbox) : await canEditMailbox(actor, mailbox);
  if (!allowed) throw new ForbiddenError(`edit ${what} of mailbox ${mailboxId}`);
  return mailbox;
}
