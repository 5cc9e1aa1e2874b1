// Leads and contacts as single records: loading one (every employee may see the CRM) and the
// checks before a change (responsible person, their heads, admins).
import "server-only";
import type { z } from "zod";
import type { Access } from "../access/access.ts";
import { canEditCrmRecord, canUseCrm } from "../access/crm-rights.ts";
import { normalizePhoneNumber } from "../access/phone-number.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import type { CrmRecordRef, updateContactInput, updateLeadInput } from "./schemas.ts";

export interface RecordHead {
  type: CrmRecordRef["type"];
  id: number;
  title: string;
  responsibleId: number | null;
}

/** The record's id, display title and responsible person; NOT_FOUND for a missing one or a non-employee. */
export async function findRecord(db: Db, access: Access, ref: CrmRecordRef): Promise<RecordHead> {
  if (!canUseCrm(access)) throw new NotFoundError(`${ref.type} ${ref.id}`);
  const found =
    ref.type === "lead"
      ? await db.crmLead.findUnique({ where: { id: ref.id }, select: { id: true, title: true, responsibleId: true } })
      : await db.crmContact
          .findUnique({ where: { id: ref.id }, select: { id: true, name: true, responsibleId: true } })
          .then((contact) => contact && { id: contact.id, title: contact.name, responsibleId: contact.responsibleId });
  if (!found) throw new NotFoundError(`${ref.type} ${ref.id}`);
  return { type: ref.type, ...found };
}

export async function editableRecord(db: Db, access: Access, ref: CrmRecordRef): Promise<RecordHead> {
  const record = await findRecord(db, access, ref);
  if (!(await canEditCrmRecord(db, access, record))) throw new ForbiddenError(`edit ${ref.type} ${ref.id}`);
  return record;
}

/** The foreign-key columns of a record reference. */
export const recordColumns = (ref: { type: CrmRecordRef["type"]; id: number } | undefined) => ({
  leadId: ref?.type === "lead" ? ref.id : null,
  contactId: ref?.type === "contact" ? ref.id : null,
});

async function checkResponsible(db: Db, userId: number) {
  const user = await db.user.findFirst({
    where: { id: userId, kind: "EMPLOYEE", status: "ACTIVE" },
    select: { id: true },
  });
  if (!user) throw new ValidationError({ responsibleId: "ownerNotEmployee" });
}

/** Changes a lead's fields (audited); its responsible person, their heads and admins only. */
export async function updateLead(db: Database, access: Access, input: z.infer<typeof updateLeadInput>) {
  await editableRecord(db, access, { type: "lead", id: input.id });
  await checkResponsible(db, input.responsibleId);
  const before = await db.crmLead.findUniqueOrThrow({ where: { id: input.id } });
  const next = {
    title: input.title,
    name: input.name || null,
    email: input.email || null,
    phones: [...new Set(input.phones.map(normalizePhoneNumber))],
    company: input.company || null,
    status: input.status,
    responsibleId: input.responsibleId,
  };
  const old = pick(before, Object.keys(next));
  if (JSON.stringify(old) === JSON.stringify(next)) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.crmLead.update({ where: { id: input.id }, data: next });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "crm.lead.update",
      entityType: "CrmLead",
      entityId: input.id,
      before: old,
      after: next,
    });
  });
  return { changed: true };
}

export async function updateContact(db: Database, access: Access, input: z.infer<typeof updateContactInput>) {
  await editableRecord(db, access, { type: "contact", id: input.id });
  await checkResponsible(db, input.responsibleId);
  const before = await db.crmContact.findUniqueOrThrow({ where: { id: input.id } });
  const next = {
    name: input.name,
    emails: [...new Set(input.emails)],
    phones: [...new Set(input.phones.map(normalizePhoneNumber))],
    company: input.company || null,
    responsibleId: input.responsibleId,
  };
  const old = pick(before, Object.keys(next));
  if (JSON.stringify(old) === JSON.stringify(next)) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.crmContact.update({ where: { id: input.id }, data: next });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "crm.contact.update",
      entityType: "CrmContact",
      entityId: input.id,
      before: old,
      after: next,
    });
  });
  return { changed: true };
}

function pick<T extends object>(row: T, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (row as Record<string, unknown>)[key]]));
}

export interface RecordMatch {
  type: CrmRecordRef["type"];
  id: number;
  title: string;
  detail: string | null;
}

/**
 * Leads and contacts by name, title, company or address, for "link a message to a CRM record"
 * (webmail) and other pickers: every employee may search the CRM, nobody else.
 */
export async function searchRecords(db: Db, access: Access, rawQuery: string, take = 10): Promise<RecordMatch[]> {
  const query = rawQuery.trim().slice(0, 200);
  if (!canUseCrm(access) || query.length === 0) return [];
  const address = query.toLowerCase();
  const [contacts, leads] = await Promise.all([
    db.crmContact.findMany({
      where: {
        OR: [
          { name: { contains: query, mode: "insensitive" } },
          { company: { contains: query, mode: "insensitive" } },
          { emails: { has: address } },
        ],
      },
      orderBy: { id: "desc" },
      take,
      select: { id: true, name: true, emails: true, company: true },
    }),
    db.crmLead.findMany({
      where: {
        OR: [
          { title: { contains: query, mode: "insensitive" } },
          { name: { contains: query, mode: "insensitive" } },
          { email: { contains: address } },
        ],
      },
      orderBy: { id: "desc" },
      take,
      select: { id: true, title: true, email: true },
    }),
  ]);
  return [
    ...contacts.map((contact) => ({
      type: "contact" as const,
      id: contact.id,
      title: contact.name,
      detail: contact.emails[0] ?? contact.company,
    })),
    ...leads.map((lead) => ({ type: "lead" as const, id: lead.id, title: lead.title, detail: lead.email })),
  ].slice(0, take);
}
