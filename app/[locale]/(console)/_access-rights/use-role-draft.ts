"use client";
import { useMemo, useState } from "react";
import type { MatrixRole, RoleMatrix } from "@/lib/access/roles";
import { type SubjectRef, subjectKey } from "@/lib/access/subject-ref";

/** A role as the editor holds it: `key` stays stable for new roles that have no id yet. */
export interface DraftRole extends Omit<MatrixRole, "id"> {
  key: string;
  id: number | null;
}

let newRoleCounter = 0;
const toDraft = (role: MatrixRole): DraftRole => ({ ...role, key: `role-${role.id}` });

/** The editor's unsaved copy of the matrix, with the edits the toolbar and cells make. */
export function useRoleDraft(initial: RoleMatrix) {
  const [baseline, setBaseline] = useState(() => initial.roles.map(toDraft));
  const [revision, setRevision] = useState(initial.revision);
  const [roles, setRoles] = useState(baseline);
  const dirty = useMemo(() => JSON.stringify(roles) !== JSON.stringify(baseline), [roles, baseline]);

  const update = (key: string, change: (role: DraftRole) => DraftRole) =>
    setRoles((current) => current.map((role) => (role.key === key ? change(role) : role)));

  return {
    roles,
    revision,
    dirty,
    /** Replace everything with a saved (or reloaded) matrix. */
    reset(matrix: RoleMatrix) {
      const next = matrix.roles.map(toDraft);
      setBaseline(next);
      setRoles(next);
      setRevision(matrix.revision);
    },
    discard: () => setRoles(baseline),
    setLevel: (key: string, permission: string, level: number) =>
      update(key, (role) => ({ ...role, levels: { ...role.levels, [permission]: level } })),
    rename: (key: string, name: string) => update(key, (role) => ({ ...role, name })),
    addSubject: (key: string, subject: SubjectRef) =>
      update(key, (role) =>
        role.assignments.some((existing) => subjectKey(existing) === subjectKey(subject))
          ? role
          : { ...role, assignments: [...role.assignments, subject] },
      ),
    removeSubject: (key: string, subject: SubjectRef) =>
      update(key, (role) => ({
        ...role,
        assignments: role.assignments.filter((existing) => subjectKey(existing) !== subjectKey(subject)),
      })),
    add(name: string, levels: Record<string, number>): string {
      newRoleCounter += 1;
      const key = `new-${newRoleCounter}`;
      setRoles((current) => [
        ...current,
        { key, id: null, name, systemCode: null, levels: { ...levels }, assignments: [] },
      ]);
      return key;
    },
    remove: (key: string) => setRoles((current) => current.filter((role) => role.key !== key)),
  };
}

export type RoleDraft = ReturnType<typeof useRoleDraft>;
