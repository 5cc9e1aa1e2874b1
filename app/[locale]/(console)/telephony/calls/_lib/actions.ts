"use server";
import { revalidatePath } from "next/cache";
import { canOpen } from "@/lib/access/sections";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { PAGE_SIZES } from "@/lib/grid/params";
import { deletePreset, saveGridPreference, savePreset } from "@/lib/grid/preferences";
import { CALL_COLUMNS, CALL_GRID, CALL_GRID_KEY } from "@/lib/telephony/calls/params";
import { deleteRecording } from "@/lib/telephony/recordings";
import { recordingStorage } from "@/lib/telephony/storage";
import { idSchema, nameSchema, textSchema } from "@/lib/validation";
import { z } from "@/lib/zod";

const authorized = canOpen.calls;

export const saveCallGridPreferenceAction = action({
  schema: z.object({
    columns: z.array(z.enum(CALL_COLUMNS)).min(1).max(CALL_COLUMNS.length),
    pageSize: z.union(
      PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>],
    ),
  }),
  authorize: authorized,
  handler: (input, { viewer }) => saveGridPreference(db, viewer.id, CALL_GRID, input),
});

export const saveCallPresetAction = action({
  schema: z.object({
    name: nameSchema.trim().min(1, "required").max(80, "tooLong"),
    query: textSchema.max(2000, "tooLong"),
  }),
  authorize: authorized,
  handler: ({ name, query }, { viewer }) => savePreset(db, viewer.id, CALL_GRID_KEY, name, query),
});

export const deleteCallPresetAction = action({
  schema: z.object({ id: idSchema }),
  authorize: authorized,
  handler: async ({ id }, { viewer }) => {
    await deletePreset(db, viewer.id, CALL_GRID_KEY, id);
    return { deleted: id };
  },
});

/** Deletes a call's recording; the modify scope is checked per call (lib/telephony/recordings.ts). */
export const deleteRecordingAction = action({
  schema: z.object({ callId: idSchema }),
  // Coarse: anyone who can open the log; a call outside the modify scope answers "not found".
  authorize: authorized,
  handler: async ({ callId }, { access }) => {
    const result = await deleteRecording(db, access, recordingStorage(), callId);
    revalidatePath("/[locale]/telephony/calls", "page");
    return result;
  },
});
