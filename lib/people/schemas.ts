// Inputs of organisation management (SPEC §1, §7): one schema per intent, shared by the forms
// (browser) and the actions (server). Messages are keys under "Validation".
import { emailAddress } from "../mailboxes/schemas.ts";
import { idSchema, nameSchema, textSchema } from "../validation.ts";
import { z } from "../zod.ts";

const requiredName = (max: number) => nameSchema.trim().min(1, "required").max(max, "tooLong");
const optionalName = (max: number) =>
  nameSchema
    .trim()
    .max(max, "tooLong")
    .nullish()
    .transform((value) => value || null);
const optionalEmail = z
  .union([z.literal(""), emailAddress])
  .nullish()
  .transform((value) => value || null);
/** Phone numbers as typed; the server normalises them (digits and a leading +). */
const phones = z
  .array(
    z
      .string()
      .trim()
      .max(40, "tooLong")
      .regex(/^[+\d\s()./-]*$/, "invalidPhoneNumber"),
  )
  .max(5, "tooMany")
  .transform((list) => list.map((phone) => phone.replace(/[^\d+]/g, "")).filter((phone) => phone.length > 0));
const ids = z.array(idSchema).max(200, "tooMany");

export const employeeInput = z.object({
  /** Absent: a new employee. */
  id: idSchema.optional(),
  email: emailAddress,
  firstName: requiredName(100),
  lastName: requiredName(100),
  position: optionalName(150),
  phones: phones.default([]),
  contactEmail: optionalEmail,
  notificationEmail: optionalEmail,
  departmentIds: ids.default([]),
  isPortalAdmin: z.boolean().default(false),
});
export type EmployeeInput = z.infer<typeof employeeInput>;

export const departmentInput = z.object({
  id: idSchema.optional(),
  name: requiredName(150),
  /** null: a top-level department (only when creating the company root). */
  parentId: idSchema.nullable(),
  headId: idSchema.nullable().default(null),
});
export type DepartmentInput = z.infer<typeof departmentInput>;

export const byIdInput = z.object({ id: idSchema });

export const workGroupRole = z.enum(["OWNER", "MODERATOR", "MEMBER"]);
export const workGroupInput = z.object({
  id: idSchema.optional(),
  name: requiredName(150),
  description: textSchema
    .max(2000, "tooLong")
    .nullish()
    .transform((value) => value?.trim() || null),
  isExternal: z.boolean().default(false),
  members: z
    .array(z.object({ userId: idSchema, role: workGroupRole }))
    .max(2000, "tooMany")
    .default([]),
});
export type WorkGroupInput = z.infer<typeof workGroupInput>;

export const userGroupInput = z.object({
  id: idSchema.optional(),
  name: requiredName(150),
  description: textSchema
    .max(2000, "tooLong")
    .nullish()
    .transform((value) => value?.trim() || null),
  memberIds: z.array(idSchema).max(5000, "tooMany").default([]),
});
export type UserGroupInput = z.infer<typeof userGroupInput>;

export const transferMailboxInput = z.object({ mailboxId: idSchema, newOwnerId: idSchema });

export const inviteInput = z.object({
  email: emailAddress,
  firstName: requiredName(100),
  lastName: requiredName(100),
  kind: z.enum(["EMPLOYEE", "EXTERNAL"]),
  /** Required for external users: the external workgroup they are invited into. */
  workGroupId: idSchema.nullable().default(null),
});
export type InviteInput = z.infer<typeof inviteInput>;

export const acceptInvitationInput = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "invalid"),
    password: textSchema.min(10, "passwordTooShort").max(200, "tooLong"),
    confirm: textSchema,
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const userLimitInput = z.object({
  userLimit: z.number().int("invalidNumber").min(1, "invalidNumber").max(1_000_000, "invalidNumber").nullable(),
});

/** Move to the extranet (SPEC §7): a new address, or the former one after replacing the profile's. */
export const moveToExtranetInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("newEmail"), userId: idSchema, workGroupId: idSchema, externalEmail: emailAddress }),
  z.object({
    mode: z.literal("keepEmail"),
    userId: idSchema,
    workGroupId: idSchema,
    /** Replaces the deactivated profile's sign-in and contact address, freeing the former one. */
    replacementEmail: emailAddress,
  }),
]);
export type MoveToExtranetInput = z.infer<typeof moveToExtranetInput>;
