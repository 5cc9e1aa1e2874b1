// Leads and contacts as single records: loading one (every employee may see the CRM) and the
// checks before a change (responsible person, their heads, admins).
import "server-only";
import type { Access } from "../access/access.ts";
import { canEditCrmRecord, canUseCrm } from "../access/crm-rights.ts";
import type { Db } from "../db.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import type { CrmRecordRef } from "./schemas.ts";

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
