// Creating and editing employees (SPEC §1): portal administrators only, audited, the user limit
// kept. Departments are replaced as a set, so scopes built from memberships follow at once.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { isUniqueViolation, requirePortalAdmin } from "./guard.ts";
import { checkUserLimit } from "./limits.ts";
import type { EmployeeInput } from "./schemas.ts";

const employeeFields = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  position: true,
  phones: true,
  contactEmail: true,
  notificationEmail: true,
  isPortalAdmin: true,
  kind: true,
  status: true,
  departmentMemberships: { select: { departmentId: true }, orderBy: { departmentId: "asc" } },
} as const;

type Snapshot = Omit<EmployeeInput, "id"> & { id: number };

function snapshot(user: {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  position: string | null;
  phones: string[];
  contactEmail: string | null;
  notificationEmail: string | null;
  isPortalAdmin: boolean;
  departmentMemberships: { departmentId: number }[];
}): Snapshot {
  const { departmentMemberships, ...rest } = user;
  return { ...rest, departmentIds: departmentMemberships.map((membership) => membership.departmentId) };
}

/** The edit form's values for one employee (admins only). */
export async function employeeForEdit(db: Database, actor: Access, id: number) {
  requirePortalAdmin(actor, "edit employees");
  const user = await db.user.findUnique({ where: { id }, select: employeeFields });
  if (user?.kind !== "EMPLOYEE") throw new NotFoundError(`employee ${id}`);
  return { ...snapshot(user), status: user.status };
}

export async function saveEmployee(db: Database, actor: Access, input: EmployeeInput): Promise<{ id: number }> {
  requirePortalAdmin(actor, "edit employees");
  if (input.id === actor.userId && !input.isPortalAdmin) {
    // An administrator who removed their own flag could not undo it.
    throw new ValidationError({ isPortalAdmin: "cannotDemoteSelf" });
  }
  const { id, departmentIds, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const known = await tx.department.count({ where: { id: { in: departmentIds } } });
      if (known !== new Set(departmentIds).size) throw new ValidationError({ departmentIds: "unknownDepartment" });
      let before: Snapshot | null = null;
      let userId: number;
      if (id === undefined) {
        await checkUserLimit(tx);
        userId = (await tx.user.create({ data: { ...fields, kind: "EMPLOYEE", status: "ACTIVE" } })).id;
      } else {
        const current = await tx.user.findUnique({ where: { id }, select: employeeFields });
        if (current?.kind !== "EMPLOYEE") throw new NotFoundError(`employee ${id}`);
        before = snapshot(current);
        userId = id;
        await tx.user.update({ where: { id }, data: fields });
        await tx.departmentMember.deleteMany({ where: { userId } });
      }
      await tx.departmentMember.createMany({ data: departmentIds.map((departmentId) => ({ departmentId, userId })) });
      const after = snapshot(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: employeeFields }));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: id === undefined ? "employee.create" : "employee.update",
        entityType: "User",
        entityId: userId,
        before,
        after,
      });
      return { id: userId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ email: "emailTaken" });
    throw error;
  }
}
