// Effective permissions: the highest level among all roles assigned to any subject the user
// matches (SPEC §4.4, §5.2), with the role and assignment that gave each level.
import "server-only";
import type { Db } from "../db.ts";
import type { AccessModule, AccessSubjectKind } from "../generated/prisma/enums.ts";
import { LEVEL, type PermissionKey, permissionsOf } from "./catalog.ts";
import type { SubjectSet } from "./subjects.ts";

export interface LevelSource {
  roleId: number;
  roleName: string | null;
  systemCode: string | null;
  assignmentId: number;
  subjectKind: AccessSubjectKind;
  subjectRefId: number;
  level: number;
}

export interface EffectivePermission {
  key: PermissionKey;
  level: number;
  /** True when the level comes from being a portal administrator, not from a role. */
  viaPortalAdmin: boolean;
  /** True when roles grant more than an external user can hold, so the level was capped (SPEC §7). */
  cappedForExternal: boolean;
  /** Every assignment that grants something for this permission, highest first. */
  sources: LevelSource[];
}

export type EffectivePermissions = Record<AccessModule, Map<PermissionKey, EffectivePermission>>;

interface GrantRow {
  assignmentId: number;
  subjectKind: AccessSubjectKind;
  subjectRefId: number;
  roleId: number;
  roleName: string | null;
  systemCode: string | null;
  module: AccessModule;
  key: string;
  level: number;
}

/** Every non-zero cell of every role assigned to one of the subjects, in one round trip. */
async function grantsFor(db: Db, subjects: SubjectSet): Promise<GrantRow[]> {
  return db.$queryRaw<GrantRow[]>`
    SELECT a.id AS "assignmentId", a."subjectKind", a."subjectRefId",
           r.id AS "roleId", r.name AS "roleName", r."systemCode", r.module, p.key, p.level
    FROM unnest(${subjects.refs.map((ref) => ref.kind)}::"AccessSubjectKind"[], ${subjects.refs.map((ref) => ref.refId)}::int[]) AS s(kind, ref)
    JOIN "RoleAssignment" a ON a."subjectKind" = s.kind AND a."subjectRefId" = s.ref
    JOIN "Role" r ON r.id = a."roleId"
    JOIN "RolePermission" p ON p."roleId" = r.id AND p.level > 0`;
}

export async function effectivePermissions(db: Db, subjects: SubjectSet): Promise<EffectivePermissions> {
  const grants = await grantsFor(db, subjects);
  const result: EffectivePermissions = { WEBMAIL: new Map(), TELEPHONY: new Map() };
  for (const module of ["WEBMAIL", "TELEPHONY"] as const) {
    for (const permission of permissionsOf(module)) {
      const key = permission.key as PermissionKey;
      const cap = subjects.isEmployee ? undefined : permission.externalCap;
      const sources: LevelSource[] = grants
        .filter((grant) => grant.module === module && grant.key === key)
        .map(({ roleId, roleName, systemCode, assignmentId, subjectKind, subjectRefId, level }) => ({
          roleId,
          roleName,
          systemCode,
          assignmentId,
          subjectKind,
          subjectRefId,
          level,
        }));
      sources.sort((a, b) => b.level - a.level || a.roleId - b.roleId);
      const fromRoles = sources[0]?.level ?? LEVEL.NONE;
      // Portal administrators hold every permission at its highest level, whatever the roles say;
      // external users never more than their cap, whatever roles reach them (users, groups).
      const uncapped = subjects.isPortalAdmin ? LEVEL.MAX : fromRoles;
      const level = cap === undefined ? uncapped : Math.min(uncapped, cap);
      result[module].set(key, {
        key,
        level,
        viaPortalAdmin: subjects.isPortalAdmin && fromRoles < LEVEL.MAX,
        cappedForExternal: level < uncapped,
        sources,
      });
    }
  }
  return result;
}
