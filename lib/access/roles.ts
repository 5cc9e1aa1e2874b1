// The role matrix of a module: load it for the editor, and save it atomically — against the
// revision the editor loaded, so a second administrator's stale save is refused, not merged.

import "server-only";
import { recordAudit } from "../audit/index.ts";
import type { Db } from "../db.ts";
import { db as database } from "../db.ts";
import { ConflictError, type FieldErrors, ForbiddenError, ValidationError } from "../errors.ts";
import type { AccessModule, AccessSubjectKind } from "../generated/prisma/enums.ts";
import type { Access } from "./access.ts";
import { canEditRoles } from "./capabilities.ts";
import { isValidLevel, LEVEL, permissionsOf } from "./catalog.ts";
import { defaultRole } from "./defaults.ts";
import { missingSubjects } from "./subject-directory.ts";
import { type SubjectRef, subjectKey } from "./subject-ref.ts";

export interface MatrixRole {
  id: number;
  name: string | null;
  systemCode: string | null;
  levels: Record<string, number>;
  assignments: SubjectRef[];
}

export interface RoleMatrix {
  module: AccessModule;
  revision: number;
  roles: MatrixRole[];
}

export interface RoleInput {
  /** Null for a role created in the editor. */
  id: number | null;
  name: string | null;
  levels: Record<string, number>;
  assignments: SubjectRef[];
}

export async function loadRoleMatrix(db: Db, module: AccessModule): Promise<RoleMatrix> {
  const [revision, roles] = await Promise.all([
    db.accessRightsRevision.findUnique({ where: { module } }),
    db.role.findMany({
      where: { module },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      include: { permissions: true, assignments: { orderBy: { id: "asc" } } },
    }),
  ]);
  const keys = permissionsOf(module).map((permission) => permission.key);
  return {
    module,
    revision: revision?.revision ?? 0,
    roles: roles.map((role) => ({
      id: role.id,
      name: role.name,
      systemCode: role.systemCode,
      levels: Object.fromEntries(
        keys.map((key) => [key, role.permissions.find((cell) => cell.key === key)?.level ?? LEVEL.NONE]),
      ),
      assignments: role.assignments.map((assignment) => ({
        kind: assignment.subjectKind,
        refId: assignment.subjectRefId,
      })),
    })),
  };
}

const ADMIN_SUBJECT: SubjectRef = { kind: "ADMINS", refId: 0 };

async function validate(db: Db, module: AccessModule, existing: RoleMatrix, roles: RoleInput[]): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const keys = permissionsOf(module).map((permission) => permission.key);
  const existingById = new Map(existing.roles.map((role) => [role.id, role]));
  const names = new Map<string, number>();
  for (const [index, role] of roles.entries()) {
    const current = role.id === null ? undefined : existingById.get(role.id);
    if (role.id !== null && !current) errors[`roles.${index}`] = "roleGone";
    const name = role.name?.trim() ?? "";
    if (!current?.systemCode && name.length === 0) errors[`roles.${index}.name`] = "required";
    if (name.length > 80) errors[`roles.${index}.name`] = "tooLong";
    if (name) {
      const folded = name.toLocaleLowerCase();
      if (names.has(folded)) errors[`roles.${index}.name`] = "duplicateName";
      names.set(folded, index);
    }
    for (const key of Object.keys(role.levels))
      if (!keys.includes(key)) errors[`roles.${index}.levels`] = "unknownPermission";
    for (const key of keys) {
      if (!isValidLevel(key, role.levels[key] ?? LEVEL.NONE)) errors[`roles.${index}.levels.${key}`] = "invalidLevel";
    }
    const seen = new Set(role.assignments.map(subjectKey));
    if (seen.size !== role.assignments.length) errors[`roles.${index}.assignments`] = "duplicateSubject";
    // The administrators keep their role: SPEC §4.2 "cannot be removed".
    if (current?.systemCode === "ADMIN" && !seen.has(subjectKey(ADMIN_SUBJECT)))
      errors[`roles.${index}.assignments`] = "adminAssignmentRequired";
  }
  for (const role of existing.roles) {
    if (role.systemCode && !roles.some((input) => input.id === role.id)) errors.roles = "systemRoleRequired";
  }
  const missing = await missingSubjects(
    db,
    roles.flatMap((role) => role.assignments),
  );
  for (const [index, role] of roles.entries()) {
    if (role.assignments.some((ref) => missing.has(subjectKey(ref))))
      errors[`roles.${index}.assignments`] = "unknownSubject";
  }
  return errors;
}

function describeRole(role: { name: string | null; systemCode: string | null; levels: Record<string, number> }) {
  return { name: role.name, systemCode: role.systemCode, levels: role.levels };
}

export async function saveRoleMatrix(
  actor: Access,
  module: AccessModule,
  input: { revision: number; roles: RoleInput[] },
  db: typeof database = database,
): Promise<RoleMatrix> {
  if (!canEditRoles(actor, module)) throw new ForbiddenError(`edit ${module} roles`);
  return db.$transaction(async (tx) => {
    // Serialise saves of one module: the second waits here, then sees the new revision.
    await tx.$queryRaw`SELECT revision FROM "AccessRightsRevision" WHERE module = ${module}::"AccessModule" FOR UPDATE`;
    const existing = await loadRoleMatrix(tx, module);
    if (existing.revision !== input.revision)
      throw new ConflictError(`${module} access rights changed since revision ${input.revision}`);
    const errors = await validate(tx, module, existing, input.roles);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const audit: Parameters<typeof recordAudit>[1] = [];
    const keep = new Set(input.roles.flatMap((role) => (role.id === null ? [] : [role.id])));
    for (const role of existing.roles.filter((candidate) => !keep.has(candidate.id))) {
      await tx.role.delete({ where: { id: role.id } });
      audit.push({
        actorId: actor.userId,
        action: "role.delete",
        entityType: "Role",
        entityId: role.id,
        before: { ...describeRole(role), assignments: role.assignments },
      });
    }
    for (const [sortOrder, role] of input.roles.entries()) {
      const name = role.name?.trim() || null;
      const levels = Object.fromEntries(
        permissionsOf(module).map((permission) => [permission.key, role.levels[permission.key] ?? LEVEL.NONE]),
      );
      const previous = role.id === null ? undefined : existing.roles.find((candidate) => candidate.id === role.id);
      // A default role renamed back to its default name goes back to showing the translated name.
      const storedName =
        previous?.systemCode && name === defaultRole(module, previous.systemCode)?.englishName ? null : name;
      const id = previous
        ? (await tx.role.update({ where: { id: previous.id }, data: { name: storedName, sortOrder } })).id
        : (await tx.role.create({ data: { module, name: storedName, sortOrder } })).id;
      await tx.rolePermission.deleteMany({ where: { roleId: id } });
      await tx.rolePermission.createMany({
        data: Object.entries(levels).map(([key, level]) => ({ roleId: id, key, level })),
      });
      await tx.roleAssignment.deleteMany({ where: { roleId: id } });
      await tx.roleAssignment.createMany({
        data: role.assignments.map((ref) => ({
          roleId: id,
          subjectKind: ref.kind as AccessSubjectKind,
          subjectRefId: ref.refId,
        })),
      });

      const after = describeRole({ name: storedName, systemCode: previous?.systemCode ?? null, levels });
      if (!previous) {
        audit.push({
          actorId: actor.userId,
          action: "role.create",
          entityType: "Role",
          entityId: id,
          after: { ...after, assignments: role.assignments },
        });
        continue;
      }
      const before = describeRole(previous);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        audit.push({ actorId: actor.userId, action: "role.update", entityType: "Role", entityId: id, before, after });
      }
      const beforeKeys = previous.assignments.map(subjectKey).sort();
      const afterKeys = role.assignments.map(subjectKey).sort();
      if (JSON.stringify(beforeKeys) !== JSON.stringify(afterKeys)) {
        audit.push({
          actorId: actor.userId,
          action: "role.assignments",
          entityType: "Role",
          entityId: id,
          before: previous.assignments,
          after: role.assignments,
        });
      }
    }
    const changed = audit.length > 0;
    if (changed) {
      await tx.accessRightsRevision.update({ where: { module }, data: { revision: { increment: 1 } } });
      await recordAudit(tx, audit);
    }
    return loadRoleMatrix(tx, module);
  });
}
