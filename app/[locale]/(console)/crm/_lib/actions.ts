"use server";
// Server actions of the CRM pages. Every one: an employee (external users never reach the CRM),
// then the record's or task's own check in lib/crm through lib/access/crm-rights.
import { revalidatePath } from "next/cache";
import { canUseCrm } from "@/lib/access/crm-rights";
import { action } from "@/lib/actions/safe-action";
import { CONTACT_COLUMNS, CONTACT_GRID, LEAD_COLUMNS, LEAD_GRID } from "@/lib/crm/grid/params";
import { linkMessageToRecord } from "@/lib/crm/links";
import { searchRecords, updateContact, updateLead } from "@/lib/crm/records";
import {
  createTaskInput,
  linkMessageInput,
  setTaskStatusInput,
  updateContactInput,
  updateLeadInput,
} from "@/lib/crm/schemas";
import { createTask, setTaskStatus } from "@/lib/crm/tasks";
import { db } from "@/lib/db";
import { PAGE_SIZES } from "@/lib/grid/params";
import { saveGridPreference } from "@/lib/grid/preferences";
import { z } from "@/lib/zod";

const pageSize = z.union(
  PAGE_SIZES.map((size) => z.literal(size)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>],
);

export const saveCrmGridPreferenceAction = action({
  schema: z.discriminatedUnion("grid", [
    z.object({ grid: z.literal("leads"), columns: z.array(z.enum(LEAD_COLUMNS)).min(1).max(20), pageSize }),
    z.object({ grid: z.literal("contacts"), columns: z.array(z.enum(CONTACT_COLUMNS)).min(1).max(20), pageSize }),
  ]),
  authorize: canUseCrm,
  handler: async (input, { viewer }) => {
    if (input.grid === "leads")
      await saveGridPreference(db, viewer.id, LEAD_GRID, { columns: input.columns, pageSize: input.pageSize });
    else await saveGridPreference(db, viewer.id, CONTACT_GRID, { columns: input.columns, pageSize: input.pageSize });
    return { saved: true };
  },
});

export const updateLeadAction = action({
  schema: updateLeadInput,
  authorize: canUseCrm,
  handler: async (input, { access }) => {
    const result = await updateLead(db, access, input);
    revalidatePath("/[locale]/crm/leads/[id]", "page");
    return result;
  },
});

export const updateContactAction = action({
  schema: updateContactInput,
  authorize: canUseCrm,
  handler: async (input, { access }) => {
    const result = await updateContact(db, access, input);
    revalidatePath("/[locale]/crm/contacts/[id]", "page");
    return result;
  },
});

export const createTaskAction = action({
  schema: createTaskInput,
  authorize: canUseCrm,
  handler: async (input, { access }) => {
    const task = await createTask(db, access, input);
    revalidatePath("/[locale]/crm", "layout");
    return { id: task.id };
  },
});

export const setTaskStatusAction = action({
  schema: setTaskStatusInput,
  authorize: canUseCrm,
  handler: async (input, { access }) => {
    const result = await setTaskStatus(db, access, input);
    revalidatePath("/[locale]/crm", "layout");
    return result;
  },
});

/** Leads and contacts matching a search, for "link this message to a CRM record" (webmail). */
export const searchCrmRecordsAction = action({
  schema: z.object({ query: z.string().max(200, "tooLong") }),
  authorize: canUseCrm,
  handler: async ({ query }, { access }) => searchRecords(db, access, query),
});

/** A message the viewer may read becomes an email activity on the record's timeline, once. */
export const linkMessageAction = action({
  schema: linkMessageInput,
  authorize: canUseCrm,
  handler: async (input, { access }) => {
    const result = await linkMessageToRecord(db, access, input);
    revalidatePath("/[locale]/crm", "layout");
    return result;
  },
});
