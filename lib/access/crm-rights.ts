// Who may see and work the CRM (SPEC §6, issue #12): every employee sees leads, contacts and their
// timelines and creates tasks; external users never see the CRM; a record is edited by its
// responsible person, the heads above that person (the departments they head, with everything
// below) and portal administrators.
import "server-only";
import type { Db } from "../db.ts";
import type { Access, ReadableMailbox } from "./access.ts";
import { ALL_USERS, onlyUsers, scopeIncludes, type UserScope } from "./scopes.ts";

export function canUseCrm(access: Access): boolean {
  return access.isEmployee;
}

/** Members and heads of the departments `userId` heads, and of every department below them. */
async function peopleHeadedBy(db: Db, userId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH scope AS (
      SELECT d.id, d."headId" FROM "Department" d
      WHERE EXISTS (SELECT 1 FROM "Department" h WHERE h."headId" = ${userId} AND d.path LIKE h.path || '%'))
    SELECT m."userId" AS id FROM "DepartmentMember" m WHERE m."departmentId" IN (SELECT id FROM scope)
    UNION SELECT "headId" FROM scope WHERE "headId" IS NOT NULL`;
  return rows.map((row) => row.id);
}

/** Whose records (by responsible person) the user may edit; nobody's for a non-employee. */
export async function crmEditScope(db: Db, access: Access): Promise<UserScope> {
  if (!canUseCrm(access)) return onlyUsers([]);
  if (access.isPortalAdmin) return ALL_USERS;
  return onlyUsers([access.userId, ...(await peopleHeadedBy(db, access.userId))]);
}

/** Edit a lead or contact: responsible person, their heads, admins. An unassigned record: admins. */
export async function canEditCrmRecord(db: Db, access: Access, record: { responsibleId: number | null }) {
  return scopeIncludes(await crmEditScope(db, access), record.responsibleId);
}

/** Change a task (status, fields): its responsible person, whoever created it, their heads, admins. */
export async function canEditCrmTask(
  db: Db,
  access: Access,
  task: { responsibleId: number; createdById: number | null },
): Promise<boolean> {
  if (!canUseCrm(access)) return false;
  if (task.responsibleId === access.userId || task.createdById === access.userId) return true;
  return scopeIncludes(await crmEditScope(db, access), task.responsibleId);
}

/** Link a message, or make a task from it: an employee who may read the mailbox's mail (SPEC §3.6). */
export function canUseMessageInCrm(access: Access, mailbox: ReadableMailbox): boolean {
  return canUseCrm(access) && access.readableMailboxes().allows(mailbox);
}
