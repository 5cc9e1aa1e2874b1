"use server";
// User groups (Company › User groups): named sets of users. Administrators only; audited in lib/people.
import { revalidatePath } from "next/cache";
import type { Access } from "@/lib/access/access";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { saveUserGroup } from "@/lib/people/groups";
import { userGroupInput } from "@/lib/people/schemas";

export const saveUserGroupAction = action({
  schema: userGroupInput,
  authorize: (access: Access) => access.isPortalAdmin,
  handler: async (input, { access }) => {
    const saved = await saveUserGroup(db, access, input);
    revalidatePath("/[locale]/company/user-groups", "page");
    return saved;
  },
});
