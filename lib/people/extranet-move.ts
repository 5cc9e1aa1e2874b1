// Move an employee to the extranet (SPEC §7, issue 14 item 6). Either the person gets a new
// address as an external user, or they keep their former one: then the deactivated profile's
// address is replaced first, which frees the former address for the external invitation. Both
// happen in one transaction; the invitation mail goes after it commits. Their mailboxes follow
// the deactivation rules (30 days, transfer, disconnection).
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { deactivateWithin } from "./deactivation.ts";
import { requirePortalAdmin } from "./guard.ts";
import { createInvitationWithin, sendInvitationMail } from "./invitations.ts";
import type { MoveToExtranetInput } from "./schemas.ts";

export async function moveToExtranet(
  db: Database,
  actor: Access,
  input: MoveToExtranetInput,
  options: { linkBase: string; locale: string; now?: Date; smtpUrl?: string },
) {
  requirePortalAdmin(actor, "move employees to the extranet");
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const employee = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, firstName: true, lastName: true, kind: true, status: true },
    });
    if (employee?.kind !== "EMPLOYEE") throw new NotFoundError(`employee ${input.userId}`);
    let externalEmail: string;
    if (input.mode === "keepEmail") {
      if (input.replacementEmail === employee.email) throw new ValidationError({ replacementEmail: "mustDiffer" });
      if (await tx.user.findUnique({ where: { email: input.replacementEmail }, select: { id: true } })) {
        throw new ValidationError({ replacementEmail: "emailExists" });
      }
      externalEmail = employee.email;
      await tx.user.update({
        where: { id: employee.id },
        data: { email: input.replacementEmail, contactEmail: input.replacementEmail },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "employee.replaceEmail",
        entityType: "User",
        entityId: employee.id,
        before: { email: employee.email },
        after: { email: input.replacementEmail },
      });
    } else {
      externalEmail = input.externalEmail;
    }
    if (employee.status !== "DEACTIVATED") await deactivateWithin(tx, actor, employee.id, now);
    try {
      const invitation = await createInvitationWithin(
        tx,
        actor,
        {
          email: externalEmail,
          firstName: employee.firstName,
          lastName: employee.lastName,
          kind: "EXTERNAL",
          workGroupId: input.workGroupId,
        },
        now,
      );
      return { ...invitation, externalEmail };
    } catch (error) {
      // The invitation's field is the wizard's address field.
      if (error instanceof ValidationError && error.fieldErrors?.email) {
        throw new ValidationError({
          [input.mode === "keepEmail" ? "replacementEmail" : "externalEmail"]: error.fieldErrors.email,
        });
      }
      throw error;
    }
  });
  const inviter = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { firstName: true, lastName: true },
  });
  const sent = await sendInvitationMail(
    {
      email: result.externalEmail,
      token: result.token,
      inviterName: `${inviter.firstName} ${inviter.lastName}`,
      locale: options.locale,
    },
    options.linkBase,
    options.smtpUrl,
  );
  // With the former address kept, its mail now reaches an external account: the notification
  // address of the old profile should be changed (the page reminds the administrator).
  return { externalUserId: result.userId, sent, remindNotificationEmail: input.mode === "keepEmail" };
}
