// Inputs of the mail view's actions and its URL, parsed the same way on every request.
import { MESSAGE_FILTERS } from "@/lib/mail/reader/filters";
import { idSchema } from "@/lib/validation";
import { z } from "@/lib/zod";

export const selectionInput = z.object({
  mailboxId: idSchema,
  folderId: idSchema,
  uids: z.array(idSchema).min(1).max(500),
});

export const flagInput = selectionInput.extend({
  flag: z.enum(["seen", "flagged"]),
  on: z.boolean(),
});

export const moveInput = selectionInput.extend({ targetFolderId: idSchema });

export const allowSenderInput = z.object({
  mailboxId: idSchema,
  folderId: idSchema,
  uid: idSchema,
});

/** The mail view's URL: which mailbox, folder, page, search, filter and message. */
export const viewParams = z.object({
  mailbox: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  folder: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  message: z.coerce.number().int().positive().max(4_294_967_295).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  q: z.string().max(200).catch("").default(""),
  filter: z.enum(MESSAGE_FILTERS).catch("all").default("all"),
  images: z.literal("1").optional().catch(undefined),
});
export type ViewParams = z.infer<typeof viewParams>;
