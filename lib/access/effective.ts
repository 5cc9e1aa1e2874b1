// Effective permissions: the highest level among all roles assigned to any subject the user
// matches (SPEC §4.4, §5.2), with the role and assignment that gave each level.
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
  /** Every assignment that grants something for this permission, highest first. */
  sources: LevelSource[];
}

export type EffectivePermissions = Record<AccessModule, Map<PermissionKey, EffectivePermission>>;

export async function effectivePermissions(db: Db, subjects: SubjectSet): Promise<EffectivePermissions> {
  const assignments = await db.roleAssignment.findMany({
    where: { OR: subjects.refs.map((ref) => ({ subjectKind: ref.kind, subjectRefId: ref.refId })) },
    select: {
      id: true,
      subjectKind: true,
      subjectRefId: true,
      role: { select: { id: true, name: true, systemCode: true, module: true, permissions: true } },
    },
  });

  const result: EffectivePermissions = { WEBMAIL: new Map(), TELEPHONY: new Map() };
  for (const module of ["WEBMAIL", "TELEPHONY"] as const) {
    for (const permission of permissionsOf(module)) {
      const key = permission.key as PermissionKey;
      const sources: LevelSource[] = [];
      for (const assignment of assignments) {
        if (assignment.role.module !== module) continue;
        const granted = assignment.role.permissions.find((cell) => cell.key === key);
        if (!granted || granted.level <= LEVEL.NONE) continue;
        sources.push({
          roleId: assignment.role.id,
          roleName: assignment.role.name,
          systemCode: assignment.role.systemCode,
          assignmentId: assignment.id,
          subjectKind: assignment.subjectKind,
          subjectRefId: assignment.subjectRefId,
          level: granted.level,
        });
      }
      sources.sort((a, b) => b.level - a.level || a.roleId - b.roleId);
      const fromRoles = sources[0]?.level ?? LEVEL.NONE;
      // Portal administrators hold every permission at its highest level, whatever the roles say.
      const level = subjects.isPortalAdmin ? LEVEL.MAX : fromRoles;
      result[module].set(key, { key, level, viaPortalAdmin: subjects.isPortalAdmin && fromRoles < LEVEL.MAX, sources });
    }
  }
  return result;
}
