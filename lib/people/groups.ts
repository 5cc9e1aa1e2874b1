// Workgroups (with owner/moderator/member roles; external ones form the extranet) and user
// groups (SPEC §1). Created and edited by portal administrators; members are replaced as a set.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { isUniqueViolation, PeopleConflictError, requirePortalAdmin } from "./guard.ts";
import type { UserGroupInput, WorkGroupInput } from "./schemas.ts";

async function checkMembers(db: Db, userIds: number[], externalGroup: boolean) {
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, kind: true } });
  if (users.length !== new Set(userIds).size) throw new ValidationError({ members: "unknownUser" });
  // External users live only in external groups (SPEC §7): anywhere else they would see insiders.
  if (!externalGroup && users.some((user) => user.kind === "EXTERNAL")) {
    throw new ValidationError({ members: "externalInInternalGroup" });
  }
}

export async function saveWorkGroup(db: Database, actor: Access, input: WorkGroupInput): Promise<{ id: number }> {
  requirePortalAdmin(actor, "edit workgroups");
  const members = [...new Map(input.members.map((member) => [member.userId, member])).values()];
  return db.$transaction(async (tx) => {
    await checkMembers(
      tx,
      members.map((member) => member.userId),
      input.isExternal,
    );
    const fields = { name: input.name, description: input.description, isExternal: input.isExternal };
    let before: unknown = null;
    let id: number;
    if (input.id === undefined) {
      id = (await tx.workGroup.create({ data: fields, select: { id: true } })).id;
    } else {
      const current = await tx.workGroup.findUnique({
        where: { id: input.id },
        include: { members: { select: { userId: true, role: true }, orderBy: { userId: "asc" } } },
      });
      if (!current) throw new NotFoundError(`workgroup ${input.id}`);
      before = {
        name: current.name,
        description: current.description,
        isExternal: current.isExternal,
        members: current.members,
      };
      id = current.id;
      await tx.workGroup.update({ where: { id }, data: fields });
      await tx.workGroupMember.deleteMany({ where: { workGroupId: id } });
    }
    await tx.workGroupMember.createMany({ data: members.map((member) => ({ workGroupId: id, ...member })) });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: input.id === undefined ? "workgroup.create" : "workgroup.update",
      entityType: "WorkGroup",
      entityId: id,
      before,
      after: { ...fields, members: members.sort((a, b) => a.userId - b.userId) },
    });
    return { id };
  });
}

/** Deletes a workgroup whose members have all left; role assignments and shares naming it go too. */
export async function deleteWorkGroup(db: Database, actor: Access, id: number) {
  requirePortalAdmin(actor, "delete workgroups");
  await db.$transaction(async (tx) => {
    const group = await tx.workGroup.findUnique({ where: { id }, include: { _count: { select: { members: true } } } });
    if (!group) throw new NotFoundError(`workgroup ${id}`);
    if (group._count.members > 0) throw new PeopleConflictError("workGroupNotEmpty");
    const naming = { subjectKind: "WORK_GROUP" as const, subjectRefId: id };
    await tx.roleAssignment.deleteMany({ where: naming });
    await tx.mailboxAccess.deleteMany({ where: naming });
    await tx.workGroup.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "workgroup.delete",
      entityType: "WorkGroup",
      entityId: id,
      before: { name: group.name, isExternal: group.isExternal },
    });
  });
}

export async function saveUserGroup(db: Database, actor: Access, input: UserGroupInput): Promise<{ id: number }> {
  requirePortalAdmin(actor, "edit user groups");
  const memberIds = [...new Set(input.memberIds)].sort((a, b) => a - b);
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.user.count({ where: { id: { in: memberIds } } })) !== memberIds.length) {
        throw new ValidationError({ memberIds: "unknownUser" });
      }
      const fields = { name: input.name, description: input.description };
      let before: unknown = null;
      let id: number;
      if (input.id === undefined) {
        id = (await tx.userGroup.create({ data: fields, select: { id: true } })).id;
      } else {
        const current = await tx.userGroup.findUnique({
          where: { id: input.id },
          include: { members: { select: { userId: true }, orderBy: { userId: "asc" } } },
        });
        if (!current) throw new NotFoundError(`user group ${input.id}`);
        before = {
          name: current.name,
          description: current.description,
          memberIds: current.members.map((member) => member.userId),
        };
        id = current.id;
        await tx.userGroup.update({ where: { id }, data: fields });
        await tx.userGroupMember.deleteMany({ where: { userGroupId: id } });
      }
      await tx.userGroupMember.createMany({ data: memberIds.map((userId) => ({ userGroupId: id, userId })) });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: input.id === undefined ? "usergroup.create" : "usergroup.update",
        entityType: "UserGroup",
        entityId: id,
        before,
        after: { ...fields, memberIds },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "nameTaken" });
    throw error;
  }
}
