// Input of the CRM's actions (and of the functions webmail calls): one schema per intent.
import { emailAddress } from "../mailboxes/schemas.ts";
import { idSchema, nameSchema, textSchema } from "../validation.ts";
import { z } from "../zod.ts";

export const RECORD_TYPES = ["lead", "contact"] as const;
export type CrmRecordType = (typeof RECORD_TYPES)[number];

export const recordRef = z.object({ type: z.enum(RECORD_TYPES), id: idSchema });
export type CrmRecordRef = z.infer<typeof recordRef>;

/** A message as webmail knows it: mailbox, folder and UID (resolved to its UID-free identity). */
export const messageRef = z.object({
  mailboxId: idSchema,
  folderPath: nameSchema.max(1000, "tooLong"),
  uid: z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(4_294_967_295, "invalid"),
});
export type MessageRef = z.infer<typeof messageRef>;

const deadline = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, "invalidDate")
  .refine((value) => !Number.isNaN(new Date(value).getTime()), "invalidDate")
  .nullable();

export const createTaskInput = z.object({
  title: nameSchema.trim().min(1, "required").max(200, "tooLong"),
  description: textSchema.max(5000, "tooLong").default(""),
  /** Default: the person creating the task. */
  responsibleId: idSchema.optional(),
  /** A date (the end of that day in UTC) or a date and time. */
  deadline: deadline.default(null),
  message: messageRef.optional(),
  record: recordRef.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const setTaskStatusInput = z.object({ taskId: idSchema, done: z.boolean() });

export const linkMessageInput = z.object({ message: messageRef, record: recordRef });
export type LinkMessageInput = z.infer<typeof linkMessageInput>;

const phones = z
  .array(
    nameSchema
      .trim()
      .max(40, "tooLong")
      .regex(/^\+?[\d\s()./-]{3,}$/, "invalidPhoneNumber"),
  )
  .max(10);

export const updateLeadInput = z.object({
  id: idSchema,
  title: nameSchema.trim().min(1, "required").max(200, "tooLong"),
  name: nameSchema.trim().max(200, "tooLong"),
  email: z.union([z.literal(""), emailAddress]),
  phones,
  company: nameSchema.trim().max(200, "tooLong"),
  status: z.enum(["NEW", "IN_PROGRESS", "CONVERTED", "LOST"]),
  responsibleId: idSchema,
});

export const updateContactInput = z.object({
  id: idSchema,
  name: nameSchema.trim().min(1, "required").max(200, "tooLong"),
  emails: z.array(emailAddress).max(10, "tooMany"),
  phones,
  company: nameSchema.trim().max(200, "tooLong"),
  responsibleId: idSchema,
});
