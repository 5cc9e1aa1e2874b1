// Editing a connected mailbox (SPEC §3.3), one section at a time; every change is audited with
// its values before and after (never a password: the audit writer redacts them in any case).
import type { Access } from "../access/access.ts";
import { canPickExternalSubjects } from "../access/capabilities.ts";
import { canDisconnectMailbox } from "../access/mailbox-rights.ts";
import { externalSubjects, missingSubjects } from "../access/subject-directory.ts";
import { type SubjectRef, subjectKey } from "../access/subject-ref.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Transaction } from "../db.ts";
import { ConnectionFailedError, ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { type ConnectionTestOptions, testConnection } from "../mail/connection-test.ts";
import { decryptSecret, encryptSecret, secretContext } from "../mail/secrets.ts";
import { countConnectionTest } from "./connection-test-limit.ts";
import { editableMailbox } from "./load.ts";
import { periodToDays, type UpdateConnectionInput, type UpdateGeneralInput } from "./schemas.ts";
import { sanitizeSignature } from "./signature.ts";

type Changes = Record<string, unknown>;

/** What decides where a password goes: changing any of these means a new server. */
const ENDPOINT_FIELDS = {
  imap: ["imapHost", "imapPort", "imapSecurity", "imapLogin"],
  smtp: ["smtpEnabled", "smtpHost", "smtpPort", "smtpSecurity", "smtpLogin"],
} as const;

/** Only the fields that actually change, with their old values, for the audit log. */
function diff(before: Changes, after: Changes): { before: Changes; after: Changes } | null {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

async function audited(
  db: Database,
  actor: Access,
  mailboxId: number,
  action: string,
  values: { before: Changes; after: Changes },
  write: (tx: Transaction) => Promise<unknown>,
) {
  const change = diff(values.before, values.after);
  if (!change) return false;
  await db.$transaction(async (tx) => {
    await write(tx);
    await recordAudit(tx, { actorId: actor.userId, action, entityType: "Mailbox", entityId: mailboxId, ...change });
  });
  return true;
}

export async function updateConnection(
  db: Database,
  actor: Access,
  input: UpdateConnectionInput,
  options: ConnectionTestOptions = {},
) {
  const mailbox = await db.mailbox.findUnique({
    where: { id: input.mailboxId },
    omit: { imapPasswordEnc: false, smtpPasswordEnc: false },
  });
  if (!mailbox) throw new NotFoundError(`mailbox ${input.mailboxId}`);
  await editableMailbox(db, actor, input.mailboxId);
  const next = {
    imapHost: input.imapHost,
    imapPort: input.imapPort,
    imapSecurity: input.imapSecurity,
    imapLogin: input.imapLogin,
    smtpEnabled: input.smtpEnabled,
    smtpHost: input.smtpEnabled ? (input.smtpHost ?? null) : null,
    smtpPort: input.smtpEnabled ? (input.smtpPort ?? null) : null,
    smtpSecurity: input.smtpEnabled ? (input.smtpSecurity ?? input.imapSecurity) : null,
    smtpLogin: input.smtpEnabled ? (input.smtpLogin ?? null) : null,
    dailySendLimit: input.dailySendLimit ?? null,
  };
  const previous = Object.fromEntries(Object.keys(next).map((key) => [key, mailbox[key as keyof typeof mailbox]]));
  const passwordsChanged = input.imapPassword !== undefined || input.smtpPassword !== undefined;
  if (!diff(previous, next) && !passwordsChanged) return { changed: false };

  // A stored password is only ever sent to the endpoint it was entered for: whoever points the
  // mailbox at another server (owner or editor alike) types it again, or the new server would
  // receive it (SPEC §3.3: an empty field keeps the stored password only for the same server).
  const imapTargetChanged = ENDPOINT_FIELDS.imap.some((key) => previous[key] !== next[key]);
  const smtpTargetChanged = ENDPOINT_FIELDS.smtp.some((key) => previous[key] !== next[key]);
  if (imapTargetChanged && input.imapPassword === undefined)
    throw new ValidationError({ imapPassword: "passwordForNewServer" });
  // Without its own password SMTP uses the IMAP one: only when that was typed now, for this setup.
  if (next.smtpEnabled && smtpTargetChanged && input.smtpPassword === undefined && input.imapPassword === undefined)
    throw new ValidationError({ smtpPassword: "passwordForNewServer" });
  const imapPassword =
    input.imapPassword ?? decryptSecret(mailbox.imapPasswordEnc, secretContext(mailbox.id, "imapPassword"));
  // The stored SMTP password belongs to the stored SMTP server; a new one gets what was typed now.
  const storedSmtpPassword =
    mailbox.smtpPasswordEnc && !smtpTargetChanged
      ? decryptSecret(mailbox.smtpPasswordEnc, secretContext(mailbox.id, "smtpPassword"))
      : undefined;
  const smtpPassword = input.smtpPassword ?? storedSmtpPassword;

  // Every save that gets this far re-tests the servers: it counts like the test button.
  await countConnectionTest(db, actor.userId);
  const test = await testConnection(
    {
      email: mailbox.email,
      imap: {
        host: next.imapHost,
        port: next.imapPort,
        security: next.imapSecurity,
        login: next.imapLogin,
        password: imapPassword,
      },
      smtp: next.smtpEnabled
        ? {
            host: next.smtpHost!,
            port: next.smtpPort!,
            security: next.smtpSecurity!,
            login: next.smtpLogin ?? next.imapLogin,
            password: smtpPassword ?? imapPassword,
          }
        : null,
    },
    options,
  );
  if (!test.ok) throw new ConnectionFailedError(test.server, test.code);

  await db.$transaction(async (tx) => {
    await tx.mailbox.update({
      where: { id: mailbox.id },
      data: {
        ...next,
        ...(input.imapPassword
          ? { imapPasswordEnc: encryptSecret(input.imapPassword, secretContext(mailbox.id, "imapPassword")) }
          : {}),
        ...(input.smtpPassword
          ? { smtpPasswordEnc: encryptSecret(input.smtpPassword, secretContext(mailbox.id, "smtpPassword")) }
          : {}),
        ...(!next.smtpEnabled || (smtpTargetChanged && !input.smtpPassword) ? { smtpPasswordEnc: null } : {}),
        // New credentials that work: the mailbox may sync again, starting now.
        ...(mailbox.status === "NEEDS_PASSWORD" || mailbox.status === "ERROR"
          ? { status: "PENDING", consecutiveFailures: 0 }
          : {}),
        nextSyncAt: new Date(),
      },
    });
    const change = diff(previous, next) ?? { before: {}, after: {} };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mailbox.connection",
      entityType: "Mailbox",
      entityId: mailbox.id,
      before: change.before,
      after: { ...change.after, ...(passwordsChanged ? { passwordChanged: true } : {}) },
    });
  });
  return { changed: true };
}

export async function updateGeneral(db: Database, actor: Access, input: UpdateGeneralInput) {
  const mailbox = await editableMailbox(db, actor, input.mailboxId);
  const next = {
    name: input.name,
    senderName: input.senderName ?? null,
    syncPeriodDays: periodToDays(input.syncPeriod),
    saveSentCopy: input.saveSentCopy,
    excludedFolders: [...new Set(input.excludedFolders)].sort(),
    sentFolder: input.sentFolder ?? null,
    trashFolder: input.trashFolder ?? null,
    spamFolder: input.spamFolder ?? null,
    signatureHtml: sanitizeSignature(input.signatureHtml),
  };
  const before = Object.fromEntries(Object.keys(next).map((key) => [key, mailbox[key as keyof typeof mailbox]]));
  return audited(db, actor, mailbox.id, "mailbox.settings", { before, after: next }, (tx) =>
    tx.mailbox.update({ where: { id: mailbox.id }, data: next }),
  );
}

export async function updateBlacklist(db: Database, actor: Access, mailboxId: number, patterns: string[]) {
  const mailbox = await editableMailbox(db, actor, mailboxId);
  const current = (await db.mailboxBlacklistEntry.findMany({ where: { mailboxId }, select: { pattern: true } }))
    .map((entry) => entry.pattern)
    .sort();
  const next = [...new Set(patterns)].sort();
  return audited(
    db,
    actor,
    mailbox.id,
    "mailbox.blacklist",
    { before: { blacklist: current }, after: { blacklist: next } },
    async (tx) => {
      await tx.mailboxBlacklistEntry.deleteMany({ where: { mailboxId } });
      await tx.mailboxBlacklistEntry.createMany({ data: next.map((pattern) => ({ mailboxId, pattern })) });
    },
  );
}

export async function updateContacts(
  db: Database,
  actor: Access,
  mailboxId: number,
  contacts: { email: string; name?: string }[],
) {
  const mailbox = await editableMailbox(db, actor, mailboxId);
  const byEmail = new Map(contacts.map((contact) => [contact.email, contact.name ?? null]));
  const current = await db.mailboxContact.findMany({
    where: { mailboxId },
    select: { email: true, name: true },
    orderBy: { email: "asc" },
  });
  const next = [...byEmail].map(([email, name]) => ({ email, name })).sort((a, b) => a.email.localeCompare(b.email));
  return audited(
    db,
    actor,
    mailbox.id,
    "mailbox.contacts",
    { before: { contacts: current }, after: { contacts: next } },
    async (tx) => {
      await tx.mailboxContact.deleteMany({ where: { mailboxId } });
      await tx.mailboxContact.createMany({ data: next.map((contact) => ({ mailboxId, ...contact })) });
    },
  );
}

/** Users with access (SPEC §3.3): the mailbox is shared with access subjects. */
export async function updateSharing(db: Database, actor: Access, mailboxId: number, subjects: SubjectRef[]) {
  const mailbox = await editableMailbox(db, actor, mailboxId);
  const refs = [...new Map(subjects.map((ref) => [subjectKey(ref), ref])).values()];
  const missing = await missingSubjects(db, refs);
  if (missing.size > 0) throw new ValidationError({ subjects: "unknownSubject" });
  const current = (await db.mailboxAccess.findMany({ where: { mailboxId } }))
    .map((row) => `${row.subjectKind}:${row.subjectRefId}`)
    .sort();
  // The extranet is not offered to whoever may not pick it (capabilities.ts), so an external user
  // or group sent anyway reads as unknown. Shares an administrator made stay when others save.
  if (!canPickExternalSubjects(actor)) {
    const added = refs.filter((ref) => !current.includes(subjectKey(ref)));
    if ((await externalSubjects(db, added)).size > 0) throw new ValidationError({ subjects: "unknownSubject" });
  }
  const next = refs.map((ref) => subjectKey(ref)).sort();
  return audited(
    db,
    actor,
    mailbox.id,
    "mailbox.sharing",
    { before: { sharedWith: current }, after: { sharedWith: next } },
    async (tx) => {
      await tx.mailboxAccess.deleteMany({ where: { mailboxId } });
      await tx.mailboxAccess.createMany({
        data: refs.map((ref) => ({ mailboxId, subjectKind: ref.kind, subjectRefId: ref.refId })),
      });
    },
  );
}

export async function disconnectMailbox(db: Database, actor: Access, mailboxId: number) {
  const mailbox = await db.mailbox.findUnique({
    where: { id: mailboxId },
    include: { owner: { select: { status: true } } },
  });
  if (!mailbox || !(await (await actor.mailboxes("view")).allows(mailbox)))
    throw new NotFoundError(`mailbox ${mailboxId}`);
  if (!(await canDisconnectMailbox(actor, { ownerId: mailbox.ownerId, ownerStatus: mailbox.owner.status }))) {
    throw new ForbiddenError(`disconnect mailbox ${mailboxId}`);
  }
  await db.$transaction(async (tx) => {
    await tx.mailbox.delete({ where: { id: mailboxId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mailbox.disconnect",
      entityType: "Mailbox",
      entityId: mailboxId,
      before: { email: mailbox.email, ownerId: mailbox.ownerId, imapHost: mailbox.imapHost, name: mailbox.name },
    });
  });
}
