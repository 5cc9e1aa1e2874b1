// The compose form's input, checked in the browser and again by the send action.
import { idSchema } from "@/lib/validation";
import { z } from "@/lib/zod";

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const address = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: "invalidEmail" }));

/** "a@x, B <b@y>; c@z" → addresses; names are dropped (the server sends to addresses). */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => /<([^>]+)>/.exec(part)?.[1]?.trim() ?? part);
}

const addressList = z
  .string()
  .max(10_000)
  .transform(splitAddresses)
  .pipe(z.array(address, { message: "invalidEmail" }).max(100, { message: "tooManyRecipients" }));

export const composeFields = z.object({
  mailboxId: idSchema,
  to: addressList,
  cc: addressList,
  bcc: addressList,
  subject: z.string().max(998),
  body: z.string().max(500_000),
  mode: z.enum(["new", "reply", "replyAll", "forward"]),
  folderId: idSchema.optional(),
  uid: idSchema.optional(),
  draftId: idSchema.optional(),
});

export const sendInput = composeFields
  .extend({
    attachments: z
      .array(z.instanceof(File))
      .max(20)
      .refine((files) => files.reduce((sum, file) => sum + file.size, 0) <= MAX_ATTACHMENT_BYTES, {
        message: "attachmentsTooLarge",
      }),
  })
  .refine((input) => input.to.length + input.cc.length + input.bcc.length > 0, { message: "required", path: ["to"] });

export const draftInput = z.object({
  mailboxId: idSchema,
  draftId: idSchema.optional(),
  to: z.string().max(10_000),
  cc: z.string().max(10_000),
  bcc: z.string().max(10_000),
  subject: z.string().max(998),
  body: z.string().max(500_000),
});
