// Organisation management is for portal administrators (SPEC §0). Every function of lib/people
// that changes the organisation calls this first, whatever the action in front of it checked.
import type { Access } from "../access/access.ts";
import { DomainError, ForbiddenError } from "../errors.ts";
import { Prisma } from "../generated/prisma/client.ts";

export function requirePortalAdmin(access: Access, what: string) {
  if (!access.isPortalAdmin) throw new ForbiddenError(what);
}

/** A unique-constraint violation on an email column, as the field error the form shows. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type PeopleConflict =
  | "departmentNotEmpty"
  | "rootDepartment"
  | "workGroupNotEmpty"
  | "deactivateSelf"
  | "alreadyDeactivated"
  | "notDeactivated"
  | "ownerActive"
  | "userLimitReached";

/** A change the organisation's state does not allow; `reason` is what the page explains (People.conflicts.*). */
export class PeopleConflictError extends DomainError {
  constructor(reason: PeopleConflict, details: Record<string, string> = {}) {
    super("CONFLICT", reason, undefined, { reason, ...details });
  }
}
