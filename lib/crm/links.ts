// "Link a message to a CRM contact/lead" (SPEC §3.6): the message becomes an email activity on the
// record's timeline, once — linking the same message to the same record again changes nothing.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { ValidationError } from "../errors.ts";
import { resolveMessage } from "./messages.ts";
import { findRecord, recordColumns } from "./records.ts";
import { type LinkMessageInput, linkMessageInput } from "./schemas.ts";

export async function linkMessageToRecord(db: Database, access: Access, raw: LinkMessageInput) {
  const parsed = linkMessageInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ _: "invalid" });
  const { message: ref, record: recordRef } = parsed.data;
  // The message first: someone who may not read the mailbox learns nothing about records either.
  const message = await resolveMessage(db, access, ref);
  const record = await findRecord(db, access, recordRef);
  const columns = recordColumns(recordRef);
  return db.$transaction(async (tx) => {
    // One link per message and record, also when two people link it at the same moment.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`crm-link:${message.mailboxId}:${message.key}`}))`;
    const existing = await tx.crmActivity.findFirst({
      where: { mailboxId: message.mailboxId, messageKey: message.key, ...columns },
      select: { id: true },
    });
    if (existing) return { activityId: existing.id, created: false };
    const activity = await tx.crmActivity.create({
      data: {
        kind: message.outgoing ? "EMAIL_OUT" : "EMAIL_IN",
        ...columns,
        responsibleId: record.responsibleId ?? access.userId,
        mailboxId: message.mailboxId,
        messageKey: message.key,
        subject: message.subject,
        fromAddress: message.fromAddress,
        toAddresses: [],
        occurredAt: message.date,
      },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "crm.message.link",
      entityType: record.type === "lead" ? "CrmLead" : "CrmContact",
      entityId: record.id,
      after: { activityId: activity.id, mailboxId: message.mailboxId, messageKey: message.key },
    });
    return { activityId: activity.id, created: true };
  });
}
