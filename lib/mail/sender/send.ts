// Sending from a mailbox (issue 13 item 3): through the mailbox's own SMTP server with its sender
// name and signature, within its daily sending limit, and — when "save copy of sent mail" is on —
// the very same bytes appended to its Sent folder on the IMAP server.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { ConnectionFailedError, DomainError, ValidationError } from "../../errors.ts";
import { classifyMailError } from "../errors.ts";
import { type OutboundPolicy, resolveEndpoint } from "../outbound.ts";
import { attachmentsForForward } from "../reader/attachment.ts";
import { withImap } from "../reader/connection.ts";
import { openMessage } from "../reader/read.ts";
import { readableMailbox } from "../reader/scope.ts";
import { serverSettingsOf, serverSettingsSelect } from "../settings.ts";
import { createSmtpTransport } from "../smtp-client.ts";
import { buildRaw, type ComposeMode, type OutgoingAttachment, startFrom } from "./compose.ts";

export interface SendInput {
  mailboxId: number;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  attachments: OutgoingAttachment[];
  /** The message replied to or forwarded: its Message-ID and References thread the new one. */
  original?: { folderId: number; uid: number; mode: ComposeMode };
  draftId?: number;
}

export interface SendOptions {
  outbound?: OutboundPolicy;
  now?: Date;
}

const SMTP_TIMEOUT_MS = 20_000;

/** Takes one of today's sends, or refuses when the mailbox's daily limit is used up. */
async function reserveSend(db: Db, mailboxId: number, limit: number | null, now: Date): Promise<() => Promise<void>> {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (limit === null) return async () => undefined;
  if (limit <= 0) throw new ValidationError({ _: "dailyLimitReached" });
  // One statement: two sends at the same moment cannot both take the last slot.
  const taken = await db.$executeRaw`
    INSERT INTO "MailSendCounter" ("mailboxId", day, count) VALUES (${mailboxId}, ${day}::date, 1)
    ON CONFLICT ("mailboxId", day) DO UPDATE SET count = "MailSendCounter".count + 1
    WHERE "MailSendCounter".count < ${limit}`;
  if (taken === 0) throw new ValidationError({ _: "dailyLimitReached" });
  return async () => {
    await db.$executeRaw`UPDATE "MailSendCounter" SET count = GREATEST(0, count - 1) WHERE "mailboxId" = ${mailboxId} AND day = ${day}::date`;
  };
}

async function sentFolderPath(db: Db, mailboxId: number, configured: string | null): Promise<string> {
  if (configured) return configured;
  const folder = await db.mailFolder.findFirst({ where: { mailboxId, specialUse: "\\Sent" }, select: { path: true } });
  return folder?.path ?? "Sent";
}

export async function sendMessage(db: Db, access: Access, input: SendInput, options: SendOptions = {}) {
  const mailbox = await readableMailbox(db, access, input.mailboxId);
  if (!mailbox.smtpEnabled) throw new ValidationError({ _: "sendingOff" });
  if (input.to.length + input.cc.length + input.bcc.length === 0) throw new ValidationError({ to: "required" });
  const original = input.original
    ? await openMessage(
        db,
        access,
        { mailboxId: mailbox.id, folderId: input.original.folderId, uid: input.original.uid },
        { markSeen: false },
      )
    : null;
  // A forward passes the original's files on, before any the writer added.
  const forwarded =
    input.original?.mode === "forward"
      ? await attachmentsForForward(db, access, {
          mailboxId: mailbox.id,
          folderId: input.original.folderId,
          uid: input.original.uid,
        })
      : [];
  const threading = startFrom(input.original?.mode ?? "new", original, mailbox.email);
  const domain = mailbox.email.split("@")[1] ?? "localhost";
  const messageId = `<${randomUUID()}@${domain}>`;
  const raw = await buildRaw(
    {
      from: { name: mailbox.senderName, address: mailbox.email },
      to: input.to,
      cc: input.cc,
      bcc: input.bcc,
      subject: input.subject,
      body: input.body,
      signatureHtml: mailbox.signatureHtml,
      inReplyTo: threading.inReplyTo,
      references: threading.references,
      attachments: [...forwarded, ...input.attachments],
    },
    messageId,
  );

  const settings = serverSettingsOf(
    await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: serverSettingsSelect }),
  );
  if (!settings.smtp) throw new ValidationError({ _: "sendingOff" });
  const release = await reserveSend(db, mailbox.id, mailbox.dailySendLimit, options.now ?? new Date());
  try {
    const target = await resolveEndpoint(settings.smtp, options.outbound, SMTP_TIMEOUT_MS);
    const transport = createSmtpTransport(target, SMTP_TIMEOUT_MS);
    try {
      await transport.sendMail({
        envelope: { from: mailbox.email, to: [...input.to, ...input.cc, ...input.bcc] },
        raw,
      });
    } finally {
      transport.close();
    }
  } catch (error) {
    await release();
    if (error instanceof DomainError) throw error;
    const mailError = classifyMailError(error);
    console.error(`[webmail] sending from mailbox ${mailbox.id} failed: ${mailError.code}`);
    throw new ConnectionFailedError("smtp", mailError.code);
  }

  // Sent: the message went out. A Sent copy that fails is reported, but the message is not sent twice.
  let savedCopy = false;
  if (mailbox.saveSentCopy) {
    const path = await sentFolderPath(db, mailbox.id, mailbox.sentFolder);
    savedCopy = await withImap(db, mailbox.id, async (client) => Boolean(await client.append(path, raw, ["\\Seen"])), {
      outbound: options.outbound,
    }).catch(() => false);
  }
  if (input.draftId)
    await db.mailDraft.deleteMany({ where: { id: input.draftId, mailboxId: mailbox.id, authorId: access.userId } });
  return { messageId, savedCopy };
}
