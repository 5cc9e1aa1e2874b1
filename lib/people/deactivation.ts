// Deactivation and reactivation (SPEC §3.7, issue 14 item 2). A deactivated user cannot sign in
// and their sessions end at once (lib/auth checks the status on every request). Their mailboxes
// keep syncing for 30 days; on day 23 the administrators are told (7 days before), an
// administrator can hand each mailbox to another employee meanwhile, and on day 30 what is left
// is disconnected by the worker's deadline job — never by a page view.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Transaction } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { NotificationInput } from "../notifications/index.ts";
import { PeopleConflictError, requirePortalAdmin } from "./guard.ts";
import { checkUserLimit } from "./limits.ts";
import { notifyInApp, sendNotificationMails } from "./notify.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Days a deactivated owner's mailboxes keep syncing. */
export const DISCONNECT_AFTER_DAYS = 30;
/** Days before the disconnection that administrators are warned. */
export const WARN_DAYS_BEFORE = 7;

export function disconnectionDate(deactivatedAt: Date): Date {
  return new Date(deactivatedAt.getTime() + DISCONNECT_AFTER_DAYS * DAY_MS);
}

export async function deactivateUser(db: Database, actor: Access, userId: number, now = new Date()) {
  requirePortalAdmin(actor, "deactivate users");
  await db.$transaction((tx) => deactivateWithin(tx, actor, userId, now));
}

/** The deactivation itself, inside a caller's transaction (the move-to-extranet wizard composes it). */
export async function deactivateWithin(tx: Transaction, actor: Access, userId: number, now: Date) {
  requirePortalAdmin(actor, "deactivate users");
  if (userId === actor.userId) throw new PeopleConflictError("deactivateSelf");
  const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (!user) throw new NotFoundError(`user ${userId}`);
  if (user.status === "DEACTIVATED") throw new PeopleConflictError("alreadyDeactivated");
  await tx.user.update({
    where: { id: userId },
    data: { status: "DEACTIVATED", deactivatedAt: now, deactivationWarnedAt: null },
  });
  // An open invitation of this account must not bring it back.
  await tx.invitation.updateMany({ where: { userId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "user.deactivate",
    entityType: "User",
    entityId: userId,
    before: { status: user.status },
    after: { status: "DEACTIVATED", mailboxesDisconnectOn: disconnectionDate(now) },
  });
}

export async function reactivateUser(db: Database, actor: Access, userId: number) {
  requirePortalAdmin(actor, "reactivate users");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { status: true, passwordHash: true } });
    if (!user) throw new NotFoundError(`user ${userId}`);
    if (user.status !== "DEACTIVATED") throw new PeopleConflictError("notDeactivated");
    await checkUserLimit(tx);
    const status = user.passwordHash ? "ACTIVE" : "INVITED";
    await tx.user.update({ where: { id: userId }, data: { status, deactivatedAt: null, deactivationWarnedAt: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.reactivate",
      entityType: "User",
      entityId: userId,
      before: { status: "DEACTIVATED" },
      after: { status },
    });
  });
}

/** Hands a deactivated owner's mailbox to an active employee; both are notified. */
export async function transferMailbox(db: Database, actor: Access, mailboxId: number, newOwnerId: number) {
  requirePortalAdmin(actor, "transfer mailboxes");
  const notes = await db.$transaction(async (tx) => {
    const mailbox = await tx.mailbox.findUnique({
      where: { id: mailboxId },
      select: {
        id: true,
        email: true,
        ownerId: true,
        owner: { select: { status: true, firstName: true, lastName: true } },
      },
    });
    if (!mailbox) throw new NotFoundError(`mailbox ${mailboxId}`);
    if (mailbox.owner.status !== "DEACTIVATED") throw new PeopleConflictError("ownerActive");
    const newOwner = await tx.user.findUnique({
      where: { id: newOwnerId },
      select: { kind: true, status: true, firstName: true, lastName: true },
    });
    if (newOwner?.kind !== "EMPLOYEE" || newOwner.status !== "ACTIVE") {
      throw new ValidationError({ newOwnerId: "ownerNotEmployee" });
    }
    if (await tx.mailbox.findFirst({ where: { ownerId: newOwnerId, email: mailbox.email }, select: { id: true } })) {
      throw new ValidationError({ newOwnerId: "alreadyConnected" });
    }
    await tx.mailbox.update({ where: { id: mailboxId }, data: { ownerId: newOwnerId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mailbox.transfer",
      entityType: "Mailbox",
      entityId: mailboxId,
      before: { ownerId: mailbox.ownerId },
      after: { ownerId: newOwnerId },
    });
    const items: NotificationInput[] = [
      {
        userId: newOwnerId,
        kind: "mailboxTransferredToYou",
        params: { email: mailbox.email, from: `${mailbox.owner.firstName} ${mailbox.owner.lastName}` },
        link: `/webmail/mailboxes/${mailboxId}`,
      },
      {
        userId: mailbox.ownerId,
        kind: "mailboxTransferredAway",
        params: { email: mailbox.email, to: `${newOwner.firstName} ${newOwner.lastName}` },
      },
    ];
    await notifyInApp(tx, items);
    return items;
  });
  await sendNotificationMails(db, notes);
}

export interface DeadlineRun {
  warnedUsers: number;
  disconnectedMailboxes: number;
}

/**
 * The deactivation timeline, run by the worker's scheduler (and by tests with a moved clock).
 * Idempotent: a warning is sent once per deactivation (deactivationWarnedAt), and a mailbox
 * disconnected once is gone.
 */
export async function runDeactivationDeadlines(db: Database, now = new Date()): Promise<DeadlineRun> {
  const warnBefore = new Date(now.getTime() - (DISCONNECT_AFTER_DAYS - WARN_DAYS_BEFORE) * DAY_MS);
  const disconnectBefore = new Date(now.getTime() - DISCONNECT_AFTER_DAYS * DAY_MS);

  // Day 30: the mailboxes still owned by the deactivated user are disconnected.
  const expired = await db.mailbox.findMany({
    where: { owner: { status: "DEACTIVATED", deactivatedAt: { lte: disconnectBefore } } },
    select: { id: true, email: true, ownerId: true, imapHost: true, name: true },
  });
  let disconnected = 0;
  for (const mailbox of expired) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.mailbox.deleteMany({
        where: { id: mailbox.id, ownerId: mailbox.ownerId, owner: { status: "DEACTIVATED" } },
      });
      if (count === 0) return; // transferred or reactivated meanwhile
      disconnected += 1;
      await recordAudit(tx, {
        actorId: null,
        action: "mailbox.disconnect",
        entityType: "Mailbox",
        entityId: mailbox.id,
        before: { email: mailbox.email, ownerId: mailbox.ownerId, imapHost: mailbox.imapHost, name: mailbox.name },
        after: { reason: "ownerDeactivated30Days" },
      });
    });
  }

  // Day 23: administrators learn which mailboxes go in 7 days (once per deactivation).
  const due = await db.user.findMany({
    where: {
      status: "DEACTIVATED",
      deactivatedAt: { lte: warnBefore, gt: disconnectBefore },
      deactivationWarnedAt: null,
      ownedMailboxes: { some: {} },
    },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      deactivatedAt: true,
      _count: { select: { ownedMailboxes: true } },
    },
  });
  const mails: NotificationInput[] = [];
  let warned = 0;
  for (const user of due) {
    const items = await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: user.id, deactivationWarnedAt: null, status: "DEACTIVATED" },
        data: { deactivationWarnedAt: now },
      });
      if (count === 0) return [];
      warned += 1;
      const admins = await tx.user.findMany({
        where: { isPortalAdmin: true, kind: "EMPLOYEE", status: "ACTIVE" },
        select: { id: true },
      });
      const list: NotificationInput[] = admins.map((admin) => ({
        userId: admin.id,
        kind: "mailboxesAboutToDisconnect",
        params: {
          name: `${user.firstName} ${user.lastName}`,
          count: user._count.ownedMailboxes,
          date: disconnectionDate(user.deactivatedAt ?? now)
            .toISOString()
            .slice(0, 10),
        },
        link: `/company/employees/${user.id}`,
      }));
      await notifyInApp(tx, list);
      return list;
    });
    mails.push(...items);
  }
  await sendNotificationMails(db, mails);
  return { warnedUsers: warned, disconnectedMailboxes: disconnected };
}
