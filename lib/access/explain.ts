// "What can user X do, and through which role and assignment?" (SPEC §4.4)
import "server-only";
import type { Db } from "../db.ts";
import type { AccessModule } from "../generated/prisma/enums.ts";
import { loadAccess } from "./access.ts";
import type { EffectivePermission } from "./effective.ts";
import { describeSubjects, type SubjectLabel } from "./subject-directory.ts";
import { subjectKey } from "./subject-ref.ts";

export interface RightsExplanation {
  user: { id: number; firstName: string; lastName: string; email: string; kind: string; isPortalAdmin: boolean };
  modules: { module: AccessModule; permissions: EffectivePermission[] }[];
  subjects: Record<string, SubjectLabel>;
}

export async function explainRights(
  db: Db,
  userId: number,
  modules: AccessModule[],
): Promise<RightsExplanation | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, firstName: true, lastName: true, email: true, kind: true, isPortalAdmin: true },
  });
  if (!user) return null;
  const access = await loadAccess(db, userId);
  const explained = modules.map((module) => ({ module, permissions: [...access.permissions[module].values()] }));
  const refs = explained.flatMap(({ permissions }) =>
    permissions.flatMap((permission) =>
      permission.sources.map((source) => ({ kind: source.subjectKind, refId: source.subjectRefId })),
    ),
  );
  const unique = [...new Map(refs.map((ref) => [subjectKey(ref), ref])).values()];
  // As the access module sees it: an admin flag on an external user grants nothing (SPEC §7).
  return {
    user: { ...user, isPortalAdmin: access.isPortalAdmin },
    modules: explained,
    subjects: await describeSubjects(db, unique),
  };
}
