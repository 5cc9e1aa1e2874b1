// Which mailbox and folder a mail request may touch: only those of readableMailboxes() — the owner
// and the users with access, never anyone by rank (SPEC §2.4). Anything else is "not found", the
// same answer as for an id that does not exist, so nobody learns what is there.
import "server-only";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";

export interface ReadableFolder {
  id: number;
  mailboxId: number;
  path: string;
  specialUse: string | null;
  uidValidity: bigint | null;
}

/** The mailbox when the viewer may read its mail; NotFoundError otherwise. */
export async function readableMailbox(db: Db, access: Access, mailboxId: number) {
  const mailbox = await db.mailbox.findFirst({
    where: { AND: [{ id: mailboxId }, access.readableMailboxes().where] },
    select: {
      id: true,
      ownerId: true,
      email: true,
      name: true,
      senderName: true,
      signatureHtml: true,
      saveSentCopy: true,
      sentFolder: true,
      trashFolder: true,
      smtpEnabled: true,
      dailySendLimit: true,
    },
  });
  if (!mailbox) throw new NotFoundError("mailbox");
  return mailbox;
}

/** A folder of a mailbox the viewer may read; NotFoundError otherwise (also for a folder of another mailbox). */
export async function readableFolder(db: Db, access: Access, mailboxId: number, folderId: number) {
  const folder = await db.mailFolder.findFirst({
    where: { id: folderId, mailboxId, mailbox: access.readableMailboxes().where },
    select: { id: true, mailboxId: true, path: true, specialUse: true, uidValidity: true },
  });
  if (!folder) throw new NotFoundError("folder");
  return folder satisfies ReadableFolder;
}
