// Which access subjects (SPEC §1) a user matches. One query; the result drives role merging,
// mailbox sharing and department scopes alike.
import "server-only";
import type { Db } from "../db.ts";
import type { SubjectRef } from "./subject-ref.ts";

export interface SubjectSet {
  userId: number;
  isEmployee: boolean;
  isPortalAdmin: boolean;
  /** Departments the user is a member of or heads: "own department". */
  ownDepartmentIds: number[];
  /** Materialised paths of those departments, for "with sub-departments" scopes. */
  ownDepartmentPaths: string[];
  /** Own departments and every department above them: DEPARTMENT_TREE subjects the user falls under. */
  departmentTreeIds: number[];
  isHead: boolean;
  workGroupIds: number[];
  userGroupIds: number[];
  refs: SubjectRef[];
}

interface SubjectRow {
  kind: "EMPLOYEE" | "EXTERNAL";
  isPortalAdmin: boolean;
  paths: string[] | null;
  headed: number;
  workGroupIds: number[] | null;
  userGroupIds: number[] | null;
}

export function idsOfPath(path: string): number[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((part) => Number(part));
}

export async function resolveSubjects(db: Db, userId: number): Promise<SubjectSet> {
  const rows = await db.$queryRaw<SubjectRow[]>`
    SELECT u.kind::text AS kind, u."isPortalAdmin",
      ARRAY(SELECT d.path FROM "Department" d
            WHERE d."headId" = u.id
               OR d.id IN (SELECT m."departmentId" FROM "DepartmentMember" m WHERE m."userId" = u.id)) AS paths,
      (SELECT COUNT(*)::int FROM "Department" h WHERE h."headId" = u.id) AS headed,
      ARRAY(SELECT w."workGroupId" FROM "WorkGroupMember" w WHERE w."userId" = u.id) AS "workGroupIds",
      ARRAY(SELECT g."userGroupId" FROM "UserGroupMember" g WHERE g."userId" = u.id) AS "userGroupIds"
    FROM "User" u WHERE u.id = ${userId}`;
  const row = rows[0];
  if (!row) return emptySubjectSet(userId);
  return buildSubjectSet(userId, row);
}

function emptySubjectSet(userId: number): SubjectSet {
  return {
    userId,
    isEmployee: false,
    isPortalAdmin: false,
    ownDepartmentIds: [],
    ownDepartmentPaths: [],
    departmentTreeIds: [],
    isHead: false,
    workGroupIds: [],
    userGroupIds: [],
    refs: [{ kind: "USER", refId: userId }],
  };
}

function buildSubjectSet(userId: number, row: SubjectRow): SubjectSet {
  const paths = row.paths ?? [];
  const ownDepartmentIds = paths.map((path) => idsOfPath(path).at(-1)!);
  const departmentTreeIds = [...new Set(paths.flatMap(idsOfPath))];
  const isEmployee = row.kind === "EMPLOYEE";
  const isHead = row.headed > 0;
  const workGroupIds = row.workGroupIds ?? [];
  const userGroupIds = row.userGroupIds ?? [];
  const refs: SubjectRef[] = [
    { kind: "USER", refId: userId },
    ...ownDepartmentIds.map((refId) => ({ kind: "DEPARTMENT" as const, refId })),
    ...departmentTreeIds.map((refId) => ({ kind: "DEPARTMENT_TREE" as const, refId })),
    ...workGroupIds.map((refId) => ({ kind: "WORK_GROUP" as const, refId })),
    ...userGroupIds.map((refId) => ({ kind: "USER_GROUP" as const, refId })),
  ];
  if (isHead) refs.push({ kind: "ALL_HEADS", refId: 0 });
  // External (extranet) users are never "all employees", whatever else they are.
  if (isEmployee) refs.push({ kind: "ALL_EMPLOYEES", refId: 0 });
  // Administration is for employees only: an external user flagged admin (by mistake or by a
  // data import) is still sealed in the extranet.
  const isPortalAdmin = row.isPortalAdmin && isEmployee;
  if (isPortalAdmin) refs.push({ kind: "ADMINS", refId: 0 });
  return {
    userId,
    isEmployee,
    isPortalAdmin,
    ownDepartmentIds,
    ownDepartmentPaths: paths,
    departmentTreeIds,
    isHead,
    workGroupIds,
    userGroupIds,
    refs,
  };
}

/** Whether the user falls under this subject (the single-record form of `refs`). */
export function matchesSubject(set: SubjectSet, ref: SubjectRef): boolean {
  return set.refs.some((own) => own.kind === ref.kind && own.refId === ref.refId);
}
