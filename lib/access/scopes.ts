// Scopes: the sets of records a user may act on, each usable both as a database filter (lists)
// and as a check (single records). Both forms come from the same resolved data, so they cannot
// disagree — a property test checks exactly that (scopes.property.test.ts).
import "server-only";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { SubjectSet } from "./subjects.ts";

/** A set of users: everyone, or the listed ids. */
export type UserScope = { kind: "all" } | { kind: "users"; userIds: ReadonlySet<number> };

export const ALL_USERS: UserScope = { kind: "all" };

export function onlyUsers(ids: Iterable<number>): UserScope {
  return { kind: "users", userIds: new Set(ids) };
}

export function scopeIncludes(scope: UserScope, userId: number | null | undefined): boolean {
  if (userId === null || userId === undefined) return scope.kind === "all";
  return scope.kind === "all" || scope.userIds.has(userId);
}

/** A Prisma `in` filter for an id column; `{}`-free so it can never widen to every row. */
export function userIdFilter(scope: UserScope): Prisma.IntFilter | undefined {
  return scope.kind === "all" ? undefined : { in: [...scope.userIds] };
}

/**
 * Members and heads of the user's own departments ("own department"), or of those departments
 * and everything below them ("with sub-departments").
 */
export async function departmentPeople(
  db: Db,
  subjects: SubjectSet,
  withSubDepartments: boolean,
): Promise<Set<number>> {
  if (subjects.ownDepartmentIds.length === 0) return new Set();
  const rows = withSubDepartments
    ? await db.$queryRaw<{ id: number }[]>`
        WITH scope AS (
          SELECT d.id, d."headId" FROM "Department" d
          WHERE d.path LIKE ANY (${subjects.ownDepartmentPaths.map((path) => `${path}%`)}::text[]))
        SELECT m."userId" AS id FROM "DepartmentMember" m WHERE m."departmentId" IN (SELECT id FROM scope)
        UNION SELECT "headId" FROM scope WHERE "headId" IS NOT NULL`
    : await db.$queryRaw<{ id: number }[]>`
        WITH scope AS (SELECT d.id, d."headId" FROM "Department" d WHERE d.id = ANY (${subjects.ownDepartmentIds}::int[]))
        SELECT m."userId" AS id FROM "DepartmentMember" m WHERE m."departmentId" IN (SELECT id FROM scope)
        UNION SELECT "headId" FROM scope WHERE "headId" IS NOT NULL`;
  return new Set(rows.map((row) => row.id));
}
