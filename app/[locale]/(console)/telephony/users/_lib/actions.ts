"use server";
// Saving a user's phone settings. The coarse check (any userSettings level) is only the door:
// updatePhoneSettings re-checks that this user is in the viewer's scope.
import { revalidatePath } from "next/cache";
import { TELEPHONY } from "@/lib/access/catalog";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { updatePhoneSettingsInput } from "@/lib/telephony/page-schemas";
import { updatePhoneSettings } from "@/lib/telephony/phone-settings";

export const updatePhoneSettingsAction = action({
  schema: updatePhoneSettingsInput,
  authorize: (access) => access.allowed(TELEPHONY.userSettings.key),
  handler: async (input, { access }) => {
    const result = await updatePhoneSettings(db, access, input);
    if (result.changed) revalidatePath("/[locale]/telephony/users", "page");
    return result;
  },
});
