"use server";
// Server actions for connecting and editing mailboxes, shared by My mailboxes, the settings page,
// the bulk-connect page and the grid. Every one asks lib/access before it touches anything.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { WEBMAIL } from "@/lib/access/catalog";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { action } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { ConnectionFailedError } from "@/lib/errors";
import { requestCrm } from "@/lib/jobs/crm-queue";
import { requestSync } from "@/lib/jobs/sync-queue";
import { testConnection } from "@/lib/mail/connection-test";
import { departmentCandidates } from "@/lib/mailboxes/bulk-candidates";
import { processBulkConnect, startBulkConnect } from "@/lib/mailboxes/bulk-connect";
import { checkConnectable, connectMailbox, serverSettingsFromInput } from "@/lib/mailboxes/connect";
import { countConnectionTest } from "@/lib/mailboxes/connection-test-limit";
import { updateCrm } from "@/lib/mailboxes/crm-settings";
import {
  bulkConnectInput,
  connectMailboxInput,
  updateBlacklistInput,
  updateConnectionInput,
  updateContactsInput,
  updateCrmInput,
  updateGeneralInput,
  updateSharingInput,
} from "@/lib/mailboxes/schemas";
import {
  disconnectMailbox,
  updateBlacklist,
  updateConnection,
  updateContacts,
  updateGeneral,
  updateSharing,
} from "@/lib/mailboxes/settings";
import { syncNow } from "@/lib/mailboxes/sync-now";
import { idSchema, nameSchema } from "@/lib/validation";

const mayConnect = (access: Parameters<typeof canConnectForOthers>[0]) =>
  access.isEmployee && (access.allowed(WEBMAIL.connectOwn.key) || canConnectForOthers(access));

/**
 * Tries the servers without saving anything; on success returns the folder list for the folder
 * rules. Counts against the person's connection-test limit, like connecting and re-tested saves.
 */
export const testConnectionAction = action({
  schema: connectMailboxInput,
  authorize: mayConnect,
  handler: async (input, { access }) => {
    await checkConnectable(db, access, input.ownerId, input.email);
    await countConnectionTest(db, access.userId);
    const result = await testConnection(serverSettingsFromInput(input));
    if (!result.ok) throw new ConnectionFailedError(result.server, result.code);
    return { folders: result.folders };
  },
});

export const connectMailboxAction = action({
  schema: connectMailboxInput,
  authorize: mayConnect,
  handler: async (input, { access }) => {
    const { id } = await connectMailbox(db, access, input);
    await requestSync(db, [id], { manual: true });
    revalidatePath("/[locale]/webmail", "layout");
    return { id };
  },
});

export const syncNowAction = action({
  schema: z.object({ mailboxIds: z.array(idSchema).min(1).max(500) }),
  authorize: (access) => access.isEmployee,
  handler: ({ mailboxIds }, { access }) => syncNow(db, access, mailboxIds),
});

export const updateConnectionAction = action({
  schema: updateConnectionInput,
  authorize: (access) => access.isEmployee,
  handler: async (input, { access }) => {
    const result = await updateConnection(db, access, input);
    if (result.changed) await requestSync(db, [input.mailboxId], { manual: true });
    revalidatePath("/[locale]/webmail/mailboxes/[id]", "page");
    return result;
  },
});

export const updateGeneralAction = action({
  schema: updateGeneralInput,
  authorize: (access) => access.isEmployee,
  handler: async (input, { access }) => ({ changed: await updateGeneral(db, access, input) }),
});

export const updateBlacklistAction = action({
  schema: updateBlacklistInput,
  authorize: (access) => access.isEmployee,
  handler: async ({ mailboxId, patterns }, { access }) => ({
    changed: await updateBlacklist(db, access, mailboxId, patterns),
  }),
});

export const updateContactsAction = action({
  schema: updateContactsInput,
  authorize: (access) => access.isEmployee,
  handler: async ({ mailboxId, contacts }, { access }) => ({
    changed: await updateContacts(db, access, mailboxId, contacts),
  }),
});

export const updateSharingAction = action({
  schema: updateSharingInput,
  authorize: (access) => access.isEmployee,
  handler: async ({ mailboxId, subjects }, { access }) => ({
    changed: await updateSharing(db, access, mailboxId, subjects),
  }),
});

export const updateCrmAction = action({
  schema: updateCrmInput,
  authorize: (access) => access.isEmployee && access.allowed(WEBMAIL.editCrm.key),
  handler: async (input, { access }) => {
    const changed = await updateCrm(db, access, input);
    // A backfill owed by the change (lib/mailboxes/crm-settings.ts) starts now, not at the next tick.
    if (changed && input.crmEnabled) await requestCrm([input.mailboxId]).catch(() => undefined);
    return { changed };
  },
});

export const disconnectMailboxAction = action({
  schema: z.object({ mailboxId: idSchema }),
  authorize: (access) => access.isEmployee,
  handler: async ({ mailboxId }, { access }) => {
    await disconnectMailbox(db, access, mailboxId);
    revalidatePath("/[locale]/webmail", "layout");
    return { disconnected: mailboxId };
  },
});

/**
 * Starts a bulk-connect run and answers at once with its id; the rows are connected after the
 * response, in this process, so the passwords never leave memory — not even into a job queue.
 * The page follows the progress through GET /api/bulk-connect/<run>.
 */
export const bulkConnectAction = action({
  schema: bulkConnectInput,
  authorize: canConnectForOthers,
  handler: async (input, { access }) => {
    const runId = await startBulkConnect(db, access, input);
    void processBulkConnect(db, access, runId, input)
      .then(({ connected }) => requestSync(db, connected, { manual: true }))
      .catch((error) => console.error("[bulk-connect]", runId, error instanceof Error ? error.message : "failed"));
    return { runId };
  },
});

/** Rows for bulk connect from a department: its employees within the actor's edit scope. */
export const departmentCandidatesAction = action({
  schema: z.object({
    departmentId: idSchema,
    withSubDepartments: z.boolean(),
    domain: nameSchema.trim().toLowerCase().max(253),
  }),
  authorize: canConnectForOthers,
  handler: async ({ departmentId, withSubDepartments, domain }, { access }) => ({
    users: await departmentCandidates(db, access, departmentId, withSubDepartments, domain),
  }),
});
