"use server";
// Employees (Company › Employees): create and edit, deactivate and reactivate, hand a departed
// owner's mailboxes over, invite, move to the extranet, the user limit. Administrators only
// (lib/people checks again); every change is audited there.
import { revalidatePath } from "next/cache";
import type { Access } from "@/lib/access/access";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { deactivateUser, reactivateUser, transferMailbox } from "@/lib/people/deactivation";
import { saveEmployee } from "@/lib/people/employees";
import { moveToExtranet } from "@/lib/people/extranet-move";
import { inviteUser } from "@/lib/people/invitations";
import { setUserLimit } from "@/lib/people/limits";
import {
  byIdInput,
  employeeInput,
  inviteInput,
  moveToExtranetInput,
  transferMailboxInput,
  userLimitInput,
} from "@/lib/people/schemas";
import { invitationLinkOptions } from "../../_lib/link-base";

const isAdmin = (access: Access) => access.isPortalAdmin;
const refresh = () => revalidatePath("/[locale]/company/employees", "layout");

export const saveEmployeeAction = action({
  schema: employeeInput,
  authorize: isAdmin,
  handler: async (input, { access }) => {
    const saved = await saveEmployee(db, access, input);
    refresh();
    return saved;
  },
});

export const deactivateUserAction = action({
  schema: byIdInput,
  authorize: isAdmin,
  handler: async ({ id }, { access }) => {
    await deactivateUser(db, access, id);
    refresh();
  },
});

export const reactivateUserAction = action({
  schema: byIdInput,
  authorize: isAdmin,
  handler: async ({ id }, { access }) => {
    await reactivateUser(db, access, id);
    refresh();
  },
});

export const transferMailboxAction = action({
  schema: transferMailboxInput,
  authorize: isAdmin,
  handler: async ({ mailboxId, newOwnerId }, { access }) => {
    await transferMailbox(db, access, mailboxId, newOwnerId);
    refresh();
  },
});

/** Employees by administrators; external users by administrators and owners/moderators of the group (checked in lib/people). */
export const inviteUserAction = action({
  schema: inviteInput,
  authorize: () => true,
  handler: async (input, { access }) => {
    const result = await inviteUser(db, access, input, await invitationLinkOptions());
    refresh();
    revalidatePath("/[locale]/company/workgroups", "layout");
    return { sent: result.sent };
  },
});

export const moveToExtranetAction = action({
  schema: moveToExtranetInput,
  authorize: isAdmin,
  handler: async (input, { access }) => {
    const result = await moveToExtranet(db, access, input, await invitationLinkOptions());
    refresh();
    return { sent: result.sent, remindNotificationEmail: result.remindNotificationEmail };
  },
});

export const saveUserLimitAction = action({
  schema: userLimitInput,
  authorize: isAdmin,
  handler: async ({ userLimit }, { access }) => {
    await setUserLimit(db, access, userLimit);
    refresh();
  },
});
