// Looking up access subjects: search for the picker, labels for chips, existence for validation.
import "server-only";
import type { Db } from "../db.ts";
import type { AccessSubjectKind } from "../generated/prisma/enums.ts";
import type { Access } from "./access.ts";
import { canPickExternalSubjects } from "./capabilities.ts";
import { type SubjectRef, subjectKey } from "./subject-ref.ts";

export const SPECIAL_SUBJECTS: SubjectRef[] = [
  { kind: "ALL_EMPLOYEES", refId: 0 },
  { kind: "ALL_HEADS", refId: 0 },
  { kind: "ADMINS", refId: 0 },
];

/** What a chip shows: a name (people, departments, groups) or, for special subjects, only the kind. */
export interface SubjectLabel {
  key: string;
  kind: AccessSubjectKind;
  refId: number;
  name: string | null;
  /** Email for users, parent path for departments. */
  detail: string | null;
  /** Set on users, so avatars have a stable colour and initials. */
  user?: { id: number; firstName: string; lastName: string };
  /** An external user, or a group with external members: roles reach them only capped (SPEC §7). */
  external?: boolean;
}

const SEARCH_LIMIT = 8;

const externalMemberCount = {
  _count: { select: { members: { where: { user: { kind: "EXTERNAL" as const } } } } },
};

export async function describeSubjects(db: Db, refs: SubjectRef[]): Promise<Record<string, SubjectLabel>> {
  const idsOf = (...kinds: AccessSubjectKind[]) => [
    ...new Set(refs.filter((ref) => kinds.includes(ref.kind)).map((ref) => ref.refId)),
  ];
  const [users, departments, workGroups, userGroups] = await Promise.all([
    db.user.findMany({
      where: { id: { in: idsOf("USER") } },
      select: { id: true, firstName: true, lastName: true, email: true, kind: true },
    }),
    db.department.findMany({
      where: { id: { in: idsOf("DEPARTMENT", "DEPARTMENT_TREE") } },
      select: { id: true, name: true, parent: { select: { name: true } } },
    }),
    db.workGroup.findMany({
      where: { id: { in: idsOf("WORK_GROUP") } },
      select: { id: true, name: true, isExternal: true, ...externalMemberCount },
    }),
    db.userGroup.findMany({
      where: { id: { in: idsOf("USER_GROUP") } },
      select: { id: true, name: true, ...externalMemberCount },
    }),
  ]);
  const labels: Record<string, SubjectLabel> = {};
  for (const ref of refs) {
    const base = { key: subjectKey(ref), kind: ref.kind, refId: ref.refId, name: null, detail: null };
    let label: SubjectLabel = base;
    if (ref.kind === "USER") {
      const user = users.find((candidate) => candidate.id === ref.refId);
      if (user) {
        const { kind, ...person } = user;
        label = { ...base, name: `${user.firstName} ${user.lastName}`, detail: user.email, user: person };
        if (kind === "EXTERNAL") label.external = true;
      }
    } else if (ref.kind === "DEPARTMENT" || ref.kind === "DEPARTMENT_TREE") {
      const department = departments.find((candidate) => candidate.id === ref.refId);
      if (department) label = { ...base, name: department.name, detail: department.parent?.name ?? null };
    } else if (ref.kind === "WORK_GROUP") {
      const group = workGroups.find((candidate) => candidate.id === ref.refId);
      if (group) {
        label = { ...base, name: group.name, detail: group.isExternal ? "external" : null };
        if (group.isExternal || group._count.members > 0) label.external = true;
      }
    } else if (ref.kind === "USER_GROUP") {
      const group = userGroups.find((candidate) => candidate.id === ref.refId);
      label = { ...base, name: group?.name ?? null };
      if (group && group._count.members > 0) label.external = true;
    }
    labels[label.key] = label;
  }
  return labels;
}

/** Keys of subjects that point at nothing (a deleted department, a mistyped id). */
export async function missingSubjects(db: Db, refs: SubjectRef[]): Promise<Set<string>> {
  const labels = await describeSubjects(db, refs);
  const needsName = (kind: AccessSubjectKind) => !SPECIAL_SUBJECTS.some((special) => special.kind === kind);
  return new Set(
    refs
      .filter((ref) => (needsName(ref.kind) ? labels[subjectKey(ref)]?.name === null : ref.refId !== 0))
      .map(subjectKey),
  );
}

export interface SubjectSearchResult {
  users: SubjectLabel[];
  departments: SubjectLabel[];
  workGroups: SubjectLabel[];
  userGroups: SubjectLabel[];
}

/**
 * Search for the subject picker. Departments come once; the picker offers both department kinds.
 * Extranet users and external workgroups only for those who may pick them (capabilities.ts).
 */
export async function searchSubjects(db: Db, access: Access, rawQuery: string): Promise<SubjectSearchResult> {
  const query = rawQuery.trim().slice(0, 100);
  const words = query.split(/\s+/).filter(Boolean);
  const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });
  const withExternal = canPickExternalSubjects(access);
  // An extranet user finds only the people and groups of their own external workgroups: no
  // departments, no user groups, nobody else of the company (SPEC §7).
  const extranet = !access.isEmployee;
  const theirGroups = { isExternal: true, members: { some: { userId: access.userId } } };
  const [users, departments, workGroups, userGroups] = await Promise.all([
    db.user.findMany({
      where: {
        status: { not: "DEACTIVATED" },
        ...(extranet
          ? { workGroupMemberships: { some: { workGroup: theirGroups } } }
          : withExternal
            ? {}
            : { kind: "EMPLOYEE" as const }),
        AND: words.map((word) => ({
          OR: [{ firstName: contains(word) }, { lastName: contains(word) }, { email: contains(word) }],
        })),
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: SEARCH_LIMIT,
      select: { id: true },
    }),
    db.department.findMany({
      where: extranet ? { id: -1 } : query ? { name: contains(query) } : {},
      orderBy: { path: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true },
    }),
    db.workGroup.findMany({
      where: {
        ...(query ? { name: contains(query) } : {}),
        ...(extranet ? theirGroups : withExternal ? {} : { isExternal: false }),
      },
      orderBy: { name: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true },
    }),
    db.userGroup.findMany({
      where: extranet ? { id: -1 } : query ? { name: contains(query) } : {},
      orderBy: { name: "asc" },
      take: SEARCH_LIMIT,
      select: { id: true },
    }),
  ]);
  const refs: SubjectRef[] = [
    ...users.map((row) => ({ kind: "USER" as const, refId: row.id })),
    ...departments.map((row) => ({ kind: "DEPARTMENT" as const, refId: row.id })),
    ...workGroups.map((row) => ({ kind: "WORK_GROUP" as const, refId: row.id })),
    ...userGroups.map((row) => ({ kind: "USER_GROUP" as const, refId: row.id })),
  ];
  const labels = await describeSubjects(db, refs);
  const pick = (kind: AccessSubjectKind) =>
    refs.filter((ref) => ref.kind === kind).map((ref) => labels[subjectKey(ref)]!);
  return {
    users: pick("USER"),
    departments: pick("DEPARTMENT"),
    workGroups: pick("WORK_GROUP"),
    userGroups: pick("USER_GROUP"),
  };
}

/**
 * Keys of the subjects that are the extranet: external users and external workgroups. Sharing
 * refuses newly added ones from whoever may not pick them, so the picker's rule is not only a UI.
 */
export async function externalSubjects(db: Db, refs: SubjectRef[]): Promise<Set<string>> {
  const idsOf = (kind: AccessSubjectKind) => refs.filter((ref) => ref.kind === kind).map((ref) => ref.refId);
  const [users, workGroups] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("USER") }, kind: "EXTERNAL" }, select: { id: true } }),
    db.workGroup.findMany({ where: { id: { in: idsOf("WORK_GROUP") }, isExternal: true }, select: { id: true } }),
  ]);
  return new Set([
    ...users.map((user) => subjectKey({ kind: "USER", refId: user.id })),
    ...workGroups.map((group) => subjectKey({ kind: "WORK_GROUP", refId: group.id })),
  ]);
}
