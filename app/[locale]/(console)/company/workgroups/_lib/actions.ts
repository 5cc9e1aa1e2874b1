"use server";
// Workgroups (Company › Workgroups): create, edit members and their roles, delete when empty.
// Administrators only (lib/people checks again); audited there. Inviting partners into an
// external group is the employees' invite action, which also lets the group's owners and
// moderators in.
import { revalidatePath } from "next/cache";
import type { Access } from "@/lib/access/access";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { deleteWorkGroup, saveWorkGroup } from "@/lib/people/groups";
import { byIdInput, workGroupInput } from "@/lib/people/schemas";

const isAdmin = (access: Access) => access.isPortalAdmin;
const refresh = () => revalidatePath("/[locale]/company/workgroups", "layout");

export const saveWorkGroupAction = action({
  schema: workGroupInput,
  authorize: isAdmin,
  handler: async (input, { access }) => {
    const saved = await saveWorkGroup(db, access, input);
    refresh();
    return saved;
  },
});

export const deleteWorkGroupAction = action({
  schema: byIdInput,
  authorize: isAdmin,
  handler: async ({ id }, { access }) => {
    await deleteWorkGroup(db, access, id);
    refresh();
  },
});
