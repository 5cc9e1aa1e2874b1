"use server";
// Every action of the telephony settings page checks the page's own right again (TELEPHONY.settings
// or portal administrator): a hidden button is no protection.
import { revalidatePath } from "next/cache";
import { canOpen } from "@/lib/access/sections";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { addToBlacklist, removeFromBlacklist, saveGeneralSettings } from "@/lib/telephony/settings";
import { createApiToken, revokeApiToken } from "@/lib/telephony/tokens";
import { blacklistInput, createTokenInput, generalSettingsInput, revokeTokenInput } from "./schemas";

const PAGE = "/[locale]/telephony/settings";
const authorize = canOpen.telephonySettings;

export const saveGeneralSettingsAction = action({
  schema: generalSettingsInput,
  authorize,
  handler: async (input, { viewer }) => {
    await saveGeneralSettings(db, viewer.id, input);
    revalidatePath(PAGE, "page");
  },
});

export const addBlacklistNumberAction = action({
  schema: blacklistInput,
  authorize,
  handler: async ({ number }, { viewer }) => {
    await addToBlacklist(db, viewer.id, number);
    revalidatePath(PAGE, "page");
    return { number };
  },
});

export const removeBlacklistNumberAction = action({
  schema: blacklistInput,
  authorize,
  handler: async ({ number }, { viewer }) => {
    await removeFromBlacklist(db, viewer.id, number);
    revalidatePath(PAGE, "page");
  },
});

export const createApiTokenAction = action({
  schema: createTokenInput,
  authorize,
  handler: async ({ name }, { viewer }) => {
    const created = await db.$transaction((tx) => createApiToken(tx, { name, actorId: viewer.id }));
    revalidatePath(PAGE, "page");
    // The one time the whole token leaves the server.
    return { id: created.id, name: created.name, prefix: created.prefix, token: created.token };
  },
});

export const revokeApiTokenAction = action({
  schema: revokeTokenInput,
  authorize,
  handler: async ({ id }, { viewer }) => {
    await db.$transaction((tx) => revokeApiToken(tx, { id, actorId: viewer.id }));
    revalidatePath(PAGE, "page");
  },
});
