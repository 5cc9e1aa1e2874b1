"use server";
import { revalidatePath } from "next/cache";
import { canEditRoles, editableModules } from "@/lib/access/capabilities";
import { loadRoleMatrix, saveRoleMatrix } from "@/lib/access/roles";
import { describeSubjects } from "@/lib/access/subject-directory";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { hiddenRolesInput, saveRolesInput } from "./schemas";

const editorPath = { WEBMAIL: "/[locale]/webmail/access", TELEPHONY: "/[locale]/telephony/access" } as const;

export const saveRoles = action({
  schema: saveRolesInput,
  authorize: (access) => editableModules(access).length > 0,
  handler: async (input, { access }) => {
    const matrix = await saveRoleMatrix(access, input.module, input);
    revalidatePath(editorPath[input.module], "page");
    const labels = await describeSubjects(
      db,
      matrix.roles.flatMap((role) => role.assignments),
    );
    return { matrix, labels };
  },
});

/** The latest saved matrix, for an editor that was told its version is stale. */
export const reloadRoles = action({
  schema: hiddenRolesInput.pick({ module: true }),
  authorize: (access) => editableModules(access).length > 0,
  handler: async ({ module }, { access }) => {
    if (!canEditRoles(access, module)) throw new ForbiddenError(`read ${module} roles`);
    const matrix = await loadRoleMatrix(db, module);
    return {
      matrix,
      labels: await describeSubjects(
        db,
        matrix.roles.flatMap((role) => role.assignments),
      ),
    };
  },
});

/** Which role columns the editor hides, remembered per user. */
export const saveHiddenRoles = action({
  schema: hiddenRolesInput,
  authorize: (access) => editableModules(access).length > 0,
  handler: async ({ module, hiddenRoleIds }, { access }) => {
    if (!canEditRoles(access, module)) throw new ForbiddenError(`edit ${module} roles`);
    const gridKey = `roles:${module}`;
    await db.gridPreference.upsert({
      where: { userId_gridKey: { userId: access.userId, gridKey } },
      create: { userId: access.userId, gridKey, columns: { hidden: hiddenRoleIds } },
      update: { columns: { hidden: hiddenRoleIds } },
    });
    return { hiddenRoleIds };
  },
});
