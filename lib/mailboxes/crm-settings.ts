// A mailbox's CRM integration (SPEC §6): needs permission 204 on top of editing the mailbox.
import type { z } from "zod";
import type { Access } from "../access/access.ts";
import { canEditMailboxCrm } from "../access/mailbox-rights.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { ForbiddenError, ValidationError } from "../errors.ts";
import { editableMailbox } from "./load.ts";
import type { updateCrmInput } from "./schemas.ts";

export async function updateCrm(db: Database, actor: Access, input: z.infer<typeof updateCrmInput>) {
  const mailbox = await editableMailbox(db, actor, input.mailboxId, "crm");
  const queue = [...new Set(input.crmQueue)];
  const members = await db.user.count({
    where: { id: { in: queue }, kind: "EMPLOYEE", status: { not: "DEACTIVATED" } },
  });
  if (members !== queue.length) throw new ValidationError({ crmQueue: "ownerNotEmployee" });
  const { mailboxId: _id, crmQueue: _queue, ...settings } = input;
  const next = { ...settings, crmLeadForEveryFrom: [...new Set(input.crmLeadForEveryFrom)].sort() };
  const before = Object.fromEntries(Object.keys(next).map((key) => [key, mailbox[key as keyof typeof mailbox]]));
  const currentQueue = (
    await db.mailboxCrmQueueMember.findMany({ where: { mailboxId: mailbox.id }, orderBy: { position: "asc" } })
  ).map((row) => row.userId);
  if (JSON.stringify({ ...before, queue: currentQueue }) === JSON.stringify({ ...next, queue })) return false;
  await db.$transaction(async (tx) => {
    await tx.mailbox.update({ where: { id: mailbox.id }, data: next });
    await tx.mailboxCrmQueueMember.deleteMany({ where: { mailboxId: mailbox.id } });
    await tx.mailboxCrmQueueMember.createMany({
      data: queue.map((userId, position) => ({ mailboxId: mailbox.id, userId, position })),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "mailbox.crm",
      entityType: "Mailbox",
      entityId: mailbox.id,
      before: { ...before, queue: currentQueue },
      after: { ...next, queue },
    });
  });
  return true;
}

/** The grid's bulk action: CRM on or off for many mailboxes; all of them must be within reach. */
export async function setCrmEnabled(db: Database, actor: Access, mailboxIds: number[], enabled: boolean) {
  const mailboxes = await db.mailbox.findMany({
    where: { id: { in: mailboxIds } },
    select: { id: true, ownerId: true, crmEnabled: true },
  });
  for (const mailbox of mailboxes) {
    if (!(await canEditMailboxCrm(actor, mailbox))) throw new ForbiddenError(`CRM settings of mailbox ${mailbox.id}`);
  }
  if (mailboxes.length !== new Set(mailboxIds).size) throw new ForbiddenError("CRM settings of mailboxes out of reach");
  const changing = mailboxes.filter((mailbox) => mailbox.crmEnabled !== enabled);
  await db.$transaction(async (tx) => {
    await tx.mailbox.updateMany({
      where: { id: { in: changing.map((mailbox) => mailbox.id) } },
      data: { crmEnabled: enabled },
    });
    await recordAudit(
      tx,
      changing.map((mailbox) => ({
        actorId: actor.userId,
        action: "mailbox.crm",
        entityType: "Mailbox",
        entityId: mailbox.id,
        before: { crmEnabled: !enabled },
        after: { crmEnabled: enabled },
      })),
    );
  });
  return { changed: changing.length };
}
