// Department-tree queries. The tree is stored with a materialised path ("/1/4/17/"), so a
// subtree is one prefix match and "the nearest head above" is a walk up the path's ids.

import { idsOfPath } from "../access/subjects.ts";
import type { Db } from "../db.ts";

export interface DepartmentNode {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
  head: { id: number; firstName: string; lastName: string } | null;
  directMembers: number;
  /** Distinct people in the department and everything below it (members and heads). */
  totalPeople: number;
}

/** Ids of the department and every department below it. */
export async function subtreeIds(db: Db, departmentId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT d.id FROM "Department" d, "Department" root
    WHERE root.id = ${departmentId} AND d.path LIKE root.path || '%' ORDER BY d.path`;
  return rows.map((row) => row.id);
}

/** Distinct members and heads of the department and its sub-departments. */
export async function subtreePeople(db: Db, departmentId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH scope AS (
      SELECT d.id, d."headId" FROM "Department" d, "Department" root
      WHERE root.id = ${departmentId} AND d.path LIKE root.path || '%')
    SELECT m."userId" AS id FROM "DepartmentMember" m WHERE m."departmentId" IN (SELECT id FROM scope)
    UNION SELECT "headId" FROM scope WHERE "headId" IS NOT NULL
    ORDER BY id`;
  return rows.map((row) => row.id);
}

/** Departments a user belongs to or heads. */
export async function departmentsOfUser(db: Db, userId: number) {
  return db.department.findMany({
    where: { OR: [{ headId: userId }, { members: { some: { userId } } }] },
    select: { id: true, name: true, path: true, headId: true },
    orderBy: { path: "asc" },
  });
}

/**
 * The user's supervisors: for each department they belong to, its head — or, when it has none
 * (or the user heads it), the nearest head above it.
 */
export async function supervisorsOf(db: Db, userId: number): Promise<number[]> {
  const memberships = await db.departmentMember.findMany({
    where: { userId },
    select: { department: { select: { path: true } } },
  });
  const ancestorIds = [...new Set(memberships.flatMap((membership) => idsOfPath(membership.department.path)))];
  const heads = await db.department.findMany({
    where: { id: { in: ancestorIds } },
    select: { id: true, headId: true },
  });
  const headOf = new Map(heads.map((department) => [department.id, department.headId]));
  const supervisors = new Set<number>();
  for (const { department } of memberships) {
    const chain = idsOfPath(department.path).reverse();
    const head = chain.map((id) => headOf.get(id)).find((candidate) => candidate && candidate !== userId);
    if (head) supervisors.add(head);
  }
  return [...supervisors].sort((a, b) => a - b);
}

/** The whole tree in path order, with heads and member counts. */
export async function departmentTree(db: Db): Promise<DepartmentNode[]> {
  const rows = await db.$queryRaw<
    {
      id: number;
      name: string;
      parentId: number | null;
      depth: number;
      headId: number | null;
      headFirstName: string | null;
      headLastName: string | null;
      directMembers: number;
      totalPeople: number;
    }[]
  >`
    SELECT d.id, d.name, d."parentId", d.depth, d."headId",
      h."firstName" AS "headFirstName", h."lastName" AS "headLastName",
      (SELECT COUNT(*)::int FROM "DepartmentMember" m WHERE m."departmentId" = d.id) AS "directMembers",
      (SELECT COUNT(*)::int FROM (
         SELECT m."userId" FROM "DepartmentMember" m JOIN "Department" s ON s.id = m."departmentId"
         WHERE s.path LIKE d.path || '%'
         UNION SELECT s."headId" FROM "Department" s WHERE s.path LIKE d.path || '%' AND s."headId" IS NOT NULL
      ) people) AS "totalPeople"
    FROM "Department" d LEFT JOIN "User" h ON h.id = d."headId"
    ORDER BY d.path`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    depth: row.depth,
    head: row.headId ? { id: row.headId, firstName: row.headFirstName ?? "", lastName: row.headLastName ?? "" } : null,
    directMembers: row.directMembers,
    totalPeople: row.totalPeople,
  }));
}
