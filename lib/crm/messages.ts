// Resolving a message webmail shows (mailbox, folder, UID) to what the CRM keeps of it: its
// UID-free identity, subject, sender, date and direction. The reader must be allowed its mail.
import "server-only";
import type { Access } from "../access/access.ts";
import { canUseMessageInCrm } from "../access/crm-rights.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { messageKey } from "./message-key.ts";
import type { MessageRef } from "./schemas.ts";

export interface ResolvedMessage {
  mailboxId: number;
  ownerId: number;
  key: string;
  subject: string | null;
  fromAddress: string | null;
  date: Date;
  outgoing: boolean;
}

export async function resolveMessage(db: Db, access: Access, ref: MessageRef): Promise<ResolvedMessage> {
  const mailbox = await db.mailbox.findUnique({
    where: { id: ref.mailboxId },
    select: {
      id: true,
      ownerId: true,
      email: true,
      sentFolder: true,
      access: { select: { subjectKind: true, subjectRefId: true } },
    },
  });
  // A mailbox whose mail one may not read looks exactly like one that does not exist.
  if (!mailbox || !canUseMessageInCrm(access, mailbox)) throw new NotFoundError(`message in mailbox ${ref.mailboxId}`);
  const folder = await db.mailFolder.findUnique({
    where: { mailboxId_path: { mailboxId: mailbox.id, path: ref.folderPath } },
    select: { id: true, path: true, specialUse: true },
  });
  const message = folder
    ? await db.mailMessage.findUnique({ where: { folderId_uid: { folderId: folder.id, uid: BigInt(ref.uid) } } })
    : null;
  if (!folder || !message) throw new NotFoundError(`message ${ref.folderPath}/${ref.uid}`);
  const date = message.sentDate ?? message.internalDate ?? new Date();
  return {
    mailboxId: mailbox.id,
    ownerId: mailbox.ownerId,
    key: messageKey({
      messageId: message.messageId,
      date: message.sentDate ?? message.internalDate,
      fromAddress: message.fromAddress,
      size: message.size,
    }),
    subject: message.subject,
    fromAddress: message.fromAddress?.toLowerCase() ?? null,
    date,
    outgoing:
      folder.specialUse === "\\Sent" ||
      folder.path === mailbox.sentFolder ||
      message.fromAddress?.toLowerCase() === mailbox.email,
  };
}
