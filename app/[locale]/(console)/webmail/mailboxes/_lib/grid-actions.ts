"use server";
import { z } from "zod";
import { WEBMAIL } from "@/lib/access/catalog";
import { canOpen } from "@/lib/access/sections";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { PAGE_SIZES } from "@/lib/grid/params";
import { requestCrm } from "@/lib/jobs/crm-queue";
import { setCrmEnabled } from "@/lib/mailboxes/crm-settings";
import { GRID_COLUMNS } from "@/lib/mailboxes/grid/params";
import { deletePreset, saveGridPreference, savePreset } from "@/lib/mailboxes/grid/preferences";
import { idSchema, nameSchema, textSchema } from "@/lib/validation";

const gridAuthorized = canOpen.mailboxes;

export const saveGridPreferenceAction = action({
  schema: z.object({
    columns: z.array(z.enum(GRID_COLUMNS)).min(1).max(GRID_COLUMNS.length),
    pageSize: z.union(
      PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>],
    ),
  }),
  authorize: gridAuthorized,
  handler: (input, { viewer }) => saveGridPreference(db, viewer.id, input),
});

export const savePresetAction = action({
  schema: z.object({
    name: nameSchema.trim().min(1, "required").max(80, "tooLong"),
    query: textSchema.max(2000, "tooLong"),
  }),
  authorize: gridAuthorized,
  handler: ({ name, query }, { viewer }) => savePreset(db, viewer.id, name, query),
});

export const deletePresetAction = action({
  schema: z.object({ id: idSchema }),
  authorize: gridAuthorized,
  handler: async ({ id }, { viewer }) => {
    await deletePreset(db, viewer.id, id);
    return { deleted: id };
  },
});

/** Bulk action: CRM on or off for the selected mailboxes (permission 204 and edit scope). */
export const setCrmEnabledAction = action({
  schema: z.object({ mailboxIds: z.array(idSchema).min(1).max(500), enabled: z.boolean() }),
  authorize: (access) => gridAuthorized(access) && access.allowed(WEBMAIL.editCrm.key),
  handler: async ({ mailboxIds, enabled }, { access }) => {
    const result = await setCrmEnabled(db, access, mailboxIds, enabled);
    // The backfill of the last N days starts now rather than at the worker's next scheduler tick.
    if (enabled) await requestCrm(mailboxIds).catch(() => undefined);
    return result;
  },
});
