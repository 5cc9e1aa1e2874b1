// A mailbox's CRM integration (SPEC §6): needs permission 204 on top of editing the mailbox.
import type { z } from "zod";
import type { Access } from "../access/access.ts";
import { canEditMailboxCrm } from "../access/mailbox-rights.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Transaction } from "../db.ts";
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
  const backfill = next.crmEnabled && (!mailbox.crmEnabled || mailbox.crmProcessDays !== next.crmProcessDays);
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
    if (backfill) await oweBackfill(tx, [mailbox.id], next.crmProcessDays);
  });
  return true;
}

/**
 * On enabling CRM, or changing N while it is on, the messages of the last N days are processed
 * once (SPEC §6): the owed backfill is stored with the change, so it survives any crash.
 */
async function oweBackfill(tx: Transaction, mailboxIds: number[], days: number | null) {
  for (const mailboxId of mailboxIds) {
    await tx.$executeRaw`
      INSERT INTO "CrmMailboxState" ("mailboxId", "backfillDays")
      VALUES (${mailboxId}, COALESCE(${days}::int, (SELECT "crmProcessDays" FROM "Mailbox" WHERE id = ${mailboxId})))
      ON CONFLICT ("mailboxId") DO UPDATE SET "backfillDays" = EXCLUDED."backfillDays"`;
  }
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
    if (enabled)
      await oweBackfill(
        tx,
        changing.map((mailbox) => mailbox.id),
        null,
      );
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
