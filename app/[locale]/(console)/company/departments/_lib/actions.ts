"use server";
// Departments (Company › Departments): create, rename, move, choose the head, delete when empty.
// Administrators only (lib/people checks again); audited there.
import { revalidatePath } from "next/cache";
import type { Access } from "@/lib/access/access";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { deleteDepartment, saveDepartment } from "@/lib/people/departments";
import { byIdInput, departmentInput } from "@/lib/people/schemas";

const isAdmin = (access: Access) => access.isPortalAdmin;
// Scopes and counts on every company page follow a change of the tree.
const refresh = () => revalidatePath("/[locale]/company", "layout");

export const saveDepartmentAction = action({
  schema: departmentInput,
  authorize: isAdmin,
  handler: async (input, { access }) => {
    const saved = await saveDepartment(db, access, input);
    refresh();
    return saved;
  },
});

export const deleteDepartmentAction = action({
  schema: byIdInput,
  authorize: isAdmin,
  handler: async ({ id }, { access }) => {
    await deleteDepartment(db, access, id);
    refresh();
  },
});
