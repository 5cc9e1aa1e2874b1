// Invitations (SPEC §7, issue 14 item 3): an email with a single-use link to set a password.
// Employees are invited by administrators; external users only into an external workgroup, by
// administrators and that group's owners and moderators. Only the SHA-256 of the token is kept;
// the token itself exists in the mail alone (never logged, never in the audit log).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import { sendConsoleMail } from "../console-mail/send.ts";
import { mailTranslator } from "../console-mail/translate.ts";
import type { Database, Transaction } from "../db.ts";
import { DomainError, ForbiddenError, ValidationError } from "../errors.ts";
import { checkUserLimit } from "./limits.ts";
import { notifyInApp, sendNotificationMails } from "./notify.ts";
import type { InviteInput } from "./schemas.ts";
import { mayInviteInto } from "./workgroup-views.ts";

export const INVITATION_DAYS = 7;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export class InvitationInvalidError extends DomainError {
  constructor(readonly reason: "invalid" | "expired" | "used") {
    super("NOT_FOUND", `invitation ${reason}`, undefined, { reason });
  }
}

export interface PendingInvitationMail {
  email: string;
  token: string;
  inviterName: string;
  locale: string;
}

/** Creates the invited account and its invitation inside the caller's transaction. */
export async function createInvitationWithin(
  tx: Transaction,
  actor: Access,
  input: InviteInput,
  now: Date,
): Promise<{ userId: number; token: string }> {
  if (input.kind === "EMPLOYEE" && !actor.isPortalAdmin) throw new ForbiddenError("invite employees");
  if (input.kind === "EXTERNAL") {
    if (input.workGroupId === null) throw new ValidationError({ workGroupId: "required" });
    if (!(await mayInviteInto(tx, actor, input.workGroupId))) throw new ForbiddenError("invite into this group");
  }
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    // An invitation cannot go to an address that already exists (SPEC §7).
    throw new ValidationError({ email: "emailExists" });
  }
  await checkUserLimit(tx);
  const user = await tx.user.create({
    data: {
      email: input.email,
      contactEmail: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      kind: input.kind,
      status: "INVITED",
    },
    select: { id: true },
  });
  const workGroupId = input.kind === "EXTERNAL" ? input.workGroupId : null;
  if (workGroupId !== null) await tx.workGroupMember.create({ data: { workGroupId, userId: user.id, role: "MEMBER" } });
  const token = randomBytes(32).toString("base64url");
  const invitation = await tx.invitation.create({
    data: {
      email: input.email,
      kind: input.kind,
      userId: user.id,
      workGroupId,
      invitedById: actor.userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    },
    select: { id: true, expiresAt: true },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "user.invite",
    entityType: "User",
    entityId: user.id,
    after: {
      email: input.email,
      kind: input.kind,
      workGroupId,
      invitationId: invitation.id,
      expiresAt: invitation.expiresAt,
    },
  });
  return { userId: user.id, token };
}

/** The mail with the link; returns whether the SMTP server took it. */
export async function sendInvitationMail(
  mail: PendingInvitationMail,
  linkBase: string,
  smtpUrl?: string,
): Promise<boolean> {
  const t = mailTranslator(mail.locale);
  const link = `${linkBase.replace(/\/$/, "")}/${mail.locale}/invite/${mail.token}`;
  return sendConsoleMail(
    {
      to: mail.email,
      subject: t("ConsoleMail.invitationSubject", { name: mail.inviterName }),
      text: t("ConsoleMail.invitationBody", { name: mail.inviterName, link, days: INVITATION_DAYS }),
    },
    smtpUrl,
  );
}

export async function inviteUser(
  db: Database,
  actor: Access,
  input: InviteInput,
  options: { linkBase: string; locale: string; now?: Date; smtpUrl?: string },
) {
  const now = options.now ?? new Date();
  const created = await db.$transaction((tx) => createInvitationWithin(tx, actor, input, now));
  const inviter = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true },
  });
  const sent = await sendInvitationMail(
    {
      email: input.email,
      token: created.token,
      inviterName: `${inviter.firstName} ${inviter.lastName}`,
      locale: options.locale,
    },
    options.linkBase,
    options.smtpUrl,
  );
  return { userId: created.userId, sent };
}

async function usableInvitation(db: Database | Transaction, token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new InvitationInvalidError("invalid");
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      kind: true,
      userId: true,
      invitedById: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      user: { select: { firstName: true, lastName: true, status: true } },
    },
  });
  if (!invitation || invitation.revokedAt) throw new InvitationInvalidError("invalid");
  if (invitation.acceptedAt || invitation.user.status !== "INVITED") throw new InvitationInvalidError("used");
  if (invitation.expiresAt <= now) throw new InvitationInvalidError("expired");
  return invitation;
}

/** What the acceptance page shows before the password is set: the address and the name. */
export async function invitationForToken(db: Database, token: string, now = new Date()) {
  const invitation = await usableInvitation(db, token, now);
  return { email: invitation.email, firstName: invitation.user.firstName, lastName: invitation.user.lastName };
}

/** Sets the password and activates the account; the link works once. */
export async function acceptInvitation(db: Database, token: string, password: string, now = new Date()) {
  const passwordHash = await hashPassword(password);
  const notes = await db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, token, now);
    // Two tabs submitting at once: only the first finds the invitation still open.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (count === 0) throw new InvitationInvalidError("used");
    await tx.user.update({ where: { id: invitation.userId }, data: { passwordHash, status: "ACTIVE" } });
    await recordAudit(tx, {
      actorId: invitation.userId,
      action: "user.acceptInvitation",
      entityType: "User",
      entityId: invitation.userId,
      before: { status: "INVITED" },
      after: { status: "ACTIVE" },
    });
    const items =
      invitation.invitedById === null
        ? []
        : [
            {
              userId: invitation.invitedById,
              kind: "invitationAccepted" as const,
              params: { name: `${invitation.user.firstName} ${invitation.user.lastName}`, email: invitation.email },
            },
          ];
    await notifyInApp(tx, items);
    return { items, email: invitation.email };
  });
  await sendNotificationMails(db, notes.items);
  return { email: notes.email };
}
