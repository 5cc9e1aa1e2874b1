// Changing the department tree (SPEC §1): create, rename, move, choose the head, delete when
// empty. The tree is a materialised path, so a move rewrites the path of the whole subtree in
// one statement; every scope built from paths (webmail 201/202, the call scopes, subjects
// "department with sub-departments") follows the move at once, as nothing caches them.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { AccessSubjectKind } from "../generated/prisma/client.ts";
import { PeopleConflictError, requirePortalAdmin } from "./guard.ts";
import type { DepartmentInput } from "./schemas.ts";

async function checkHead(db: Db, headId: number | null) {
  if (headId === null) return;
  const head = await db.user.findUnique({ where: { id: headId }, select: { kind: true, status: true } });
  // Heads are employees: an external user sees nothing of the structure they would lead.
  if (head?.kind !== "EMPLOYEE" || head.status === "DEACTIVATED") {
    throw new ValidationError({ headId: "headNotEmployee" });
  }
}

export async function saveDepartment(db: Database, actor: Access, input: DepartmentInput): Promise<{ id: number }> {
  requirePortalAdmin(actor, "edit departments");
  return db.$transaction(async (tx) => {
    await checkHead(tx, input.headId);
    const parent = input.parentId
      ? await tx.department.findUnique({ where: { id: input.parentId }, select: { id: true, path: true, depth: true } })
      : null;
    if (input.parentId && !parent) throw new ValidationError({ parentId: "unknownDepartment" });
    if (input.id === undefined) {
      // One company root: every other department has a parent.
      if (!parent && (await tx.department.count({ where: { parentId: null } })) > 0) {
        throw new ValidationError({ parentId: "required" });
      }
      const created = await tx.department.create({
        data: {
          name: input.name,
          headId: input.headId,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          path: `pending-${crypto.randomUUID()}`,
        },
        select: { id: true },
      });
      const path = `${parent?.path ?? "/"}${created.id}/`;
      await tx.department.update({ where: { id: created.id }, data: { path } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "department.create",
        entityType: "Department",
        entityId: created.id,
        after: { name: input.name, parentId: input.parentId, headId: input.headId },
      });
      return created;
    }
    const current = await tx.department.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError(`department ${input.id}`);
    if ((current.parentId === null) !== (parent === null)) throw new ValidationError({ parentId: "invalidParent" });
    if (parent?.path.startsWith(current.path)) {
      // Under itself or one of its own sub-departments: the tree would become a loop.
      throw new ValidationError({ parentId: "parentInsideSubtree" });
    }
    if (parent && parent.id !== current.parentId) {
      const newPath = `${parent.path}${current.id}/`;
      const shift = parent.depth + 1 - current.depth;
      await tx.$executeRaw`
        UPDATE "Department"
        SET path = ${newPath} || substr(path, ${current.path.length + 1}), depth = depth + ${shift}
        WHERE path LIKE ${current.path} || '%'`;
    }
    await tx.department.update({
      where: { id: current.id },
      data: { name: input.name, headId: input.headId, parentId: parent?.id ?? null },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "department.update",
      entityType: "Department",
      entityId: current.id,
      before: { name: current.name, parentId: current.parentId, headId: current.headId },
      after: { name: input.name, parentId: input.parentId, headId: input.headId },
    });
    return { id: current.id };
  });
}

/**
 * Deletes an empty department: no sub-departments and no members. Role assignments and mailbox
 * shares that named it go with it (they would match nobody), recorded in the audit entry.
 */
export async function deleteDepartment(db: Database, actor: Access, id: number) {
  requirePortalAdmin(actor, "delete departments");
  await db.$transaction(async (tx) => {
    const department = await tx.department.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        parentId: true,
        headId: true,
        _count: { select: { children: true, members: true } },
      },
    });
    if (!department) throw new NotFoundError(`department ${id}`);
    if (department.parentId === null) throw new PeopleConflictError("rootDepartment");
    if (department._count.children > 0 || department._count.members > 0) {
      throw new PeopleConflictError("departmentNotEmpty");
    }
    const naming: { subjectKind: { in: AccessSubjectKind[] }; subjectRefId: number } = {
      subjectKind: { in: ["DEPARTMENT", "DEPARTMENT_TREE"] },
      subjectRefId: id,
    };
    const assignments = await tx.roleAssignment.findMany({
      where: naming,
      select: { roleId: true, subjectKind: true },
    });
    const shares = await tx.mailboxAccess.findMany({ where: naming, select: { mailboxId: true, subjectKind: true } });
    await tx.roleAssignment.deleteMany({ where: naming });
    await tx.mailboxAccess.deleteMany({ where: naming });
    await tx.department.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "department.delete",
      entityType: "Department",
      entityId: id,
      before: { name: department.name, parentId: department.parentId, headId: department.headId, assignments, shares },
    });
  });
}
