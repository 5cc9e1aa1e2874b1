// Connecting a mailbox (SPEC §3.1): for oneself or for an employee within one's scope, tested
// against the real servers first, stored with encrypted credentials, audited, and synced at once.
import type { Access } from "../access/access.ts";
import { canConnectFor } from "../access/mailbox-rights.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { ConnectionFailedError, ForbiddenError, ValidationError } from "../errors.ts";
import { testConnection } from "../mail/connection-test.ts";
import type { ImapTimeouts } from "../mail/imap-client.ts";
import type { OutboundPolicy } from "../mail/outbound.ts";
import { encryptSecret, secretContext } from "../mail/secrets.ts";
import type { MailServerSettings } from "../mail/settings.ts";
import { notify } from "../notifications/index.ts";
import type { RateLimitRule } from "../security/rate-limit.ts";
import { CONNECTION_TEST_LIMIT, countConnectionTest } from "./connection-test-limit.ts";
import { reserveMailboxIds } from "./ids.ts";
import { type ConnectMailboxInput, periodToDays } from "./schemas.ts";

export function serverSettingsFromInput(input: ConnectMailboxInput): MailServerSettings {
  return {
    email: input.email,
    imap: {
      host: input.imapHost,
      port: input.imapPort,
      security: input.imapSecurity,
      login: input.imapLogin,
      password: input.imapPassword,
    },
    smtp: input.smtpEnabled
      ? {
          host: input.smtpHost!,
          port: input.smtpPort!,
          security: input.smtpSecurity ?? input.imapSecurity,
          login: input.smtpLogin ?? input.imapLogin,
          password: input.smtpPassword ?? input.imapPassword,
        }
      : null,
  };
}

/** The checks before anything is tried on a server: who, for whom, not twice. */
export async function checkConnectable(db: Database, actor: Access, ownerId: number, email: string) {
  const owner = await db.user.findUnique({
    where: { id: ownerId },
    select: { id: true, kind: true, status: true, firstName: true, lastName: true },
  });
  if (owner?.kind !== "EMPLOYEE" || owner.status === "DEACTIVATED")
    throw new ValidationError({ ownerId: "ownerNotEmployee" });
  if (!(await canConnectFor(actor, ownerId))) throw new ForbiddenError(`connect a mailbox for user ${ownerId}`);
  const existing = await db.mailbox.findUnique({ where: { ownerId_email: { ownerId, email } }, select: { id: true } });
  if (existing) throw new ValidationError({ email: "alreadyConnected" });
  return owner;
}

export interface ConnectOptions {
  timeouts?: ImapTimeouts;
  /** Set by bulk connect, so each row's audit entry points at its run. */
  bulkRunId?: number;
  /** Where the servers may be; the installation's MAIL_ALLOWED_NETWORKS policy by default. */
  outbound?: OutboundPolicy;
  /** The actor's connection-test limit; null only for bulk connect (see connection-test-limit.ts). */
  testLimit?: RateLimitRule | null;
}

export async function connectMailbox(
  db: Database,
  actor: Access,
  input: ConnectMailboxInput,
  options: ConnectOptions = {},
): Promise<{ id: number }> {
  await checkConnectable(db, actor, input.ownerId, input.email);
  const testLimit = options.testLimit === undefined ? CONNECTION_TEST_LIMIT : options.testLimit;
  if (testLimit) await countConnectionTest(db, actor.userId, testLimit);
  const test = await testConnection(serverSettingsFromInput(input), options);
  if (!test.ok) throw new ConnectionFailedError(test.server, test.code);

  const id = await db.$transaction(async (tx) => {
    const [mailboxId] = await reserveMailboxIds(tx, 1);
    const created = await tx.mailbox.create({
      data: {
        id: mailboxId!,
        ownerId: input.ownerId,
        connectedById: actor.userId,
        email: input.email,
        name: input.name ?? input.email,
        senderName: input.senderName ?? null,
        imapHost: input.imapHost,
        imapPort: input.imapPort,
        imapSecurity: input.imapSecurity,
        imapLogin: input.imapLogin,
        imapPasswordEnc: encryptSecret(input.imapPassword, secretContext(mailboxId!, "imapPassword")),
        smtpEnabled: input.smtpEnabled,
        smtpHost: input.smtpEnabled ? input.smtpHost : null,
        smtpPort: input.smtpEnabled ? input.smtpPort : null,
        smtpSecurity: input.smtpEnabled ? (input.smtpSecurity ?? input.imapSecurity) : null,
        smtpLogin: input.smtpEnabled ? (input.smtpLogin ?? null) : null,
        smtpPasswordEnc:
          input.smtpEnabled && input.smtpPassword
            ? encryptSecret(input.smtpPassword, secretContext(mailboxId!, "smtpPassword"))
            : null,
        dailySendLimit: input.dailySendLimit ?? null,
        syncPeriodDays: periodToDays(input.syncPeriod),
        saveSentCopy: input.saveSentCopy,
        excludedFolders: input.excludedFolders,
        sentFolder: input.sentFolder ?? null,
        trashFolder: input.trashFolder ?? null,
        spamFolder: input.spamFolder ?? null,
        status: "PENDING",
        autoSync: true,
        nextSyncAt: new Date(),
      },
      select: {
        id: true,
        email: true,
        name: true,
        ownerId: true,
        imapHost: true,
        imapPort: true,
        smtpEnabled: true,
        syncPeriodDays: true,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mailbox.connect",
      entityType: "Mailbox",
      entityId: created.id,
      after: { ...created, ...(options.bulkRunId ? { bulkRunId: options.bulkRunId } : {}) },
    });
    if (input.ownerId !== actor.userId) {
      const connectedBy = await tx.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { firstName: true, lastName: true },
      });
      await notify(tx, {
        userId: input.ownerId,
        kind: "mailboxConnectedForYou",
        params: { email: created.email, by: `${connectedBy.firstName} ${connectedBy.lastName}` },
        link: `/webmail/mailboxes/${created.id}`,
      });
    }
    return created.id;
  });
  return { id };
}
