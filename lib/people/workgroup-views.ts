// Which workgroups a person sees (SPEC §7): administrators all; employees the internal groups
// and the external ones they belong to; external users only the external groups they belong to.
// One filter serves the list and the single-group page, so both always agree.
import "server-only";
import type { Access } from "../access/access.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export function visibleWorkGroupsWhere(access: Access): Prisma.WorkGroupWhereInput {
  if (access.isPortalAdmin) return {};
  const mine: Prisma.WorkGroupWhereInput = { members: { some: { userId: access.userId } } };
  if (!access.isEmployee) return { isExternal: true, ...mine };
  return { OR: [{ isExternal: false }, mine] };
}

export async function visibleWorkGroups(db: Db, access: Access) {
  return db.workGroup.findMany({
    where: visibleWorkGroupsWhere(access),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      isExternal: true,
      _count: { select: { members: true } },
      members: { where: { userId: access.userId }, select: { role: true } },
    },
  });
}

/** One group with its members, or NotFound when the viewer may not see it (not "forbidden": its existence stays hidden). */
export async function workGroupDetail(db: Db, access: Access, id: number) {
  const group = await db.workGroup.findFirst({
    where: { AND: [{ id }, visibleWorkGroupsWhere(access)] },
    select: {
      id: true,
      name: true,
      description: true,
      isExternal: true,
      members: {
        orderBy: [{ role: "asc" }, { user: { lastName: "asc" } }, { userId: "asc" }],
        select: {
          role: true,
          user: {
            // Contact details only: nothing of the company structure (departments) for anyone here.
            select: {
              id: true,
              firstName: true,
              lastName: true,
              email: true,
              kind: true,
              status: true,
              position: true,
            },
          },
        },
      },
    },
  });
  if (!group) throw new NotFoundError(`workgroup ${id}`);
  return group;
}

/** Owners and moderators of an external group may invite partners into it (SPEC §7). */
export async function mayInviteInto(db: Db, access: Access, workGroupId: number): Promise<boolean> {
  const group = await db.workGroup.findUnique({
    where: { id: workGroupId },
    select: { isExternal: true, members: { where: { userId: access.userId }, select: { role: true } } },
  });
  if (!group?.isExternal) return false;
  if (access.isPortalAdmin) return true;
  const role = group.members[0]?.role;
  return role === "OWNER" || role === "MODERATOR";
}
