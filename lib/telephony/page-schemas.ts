// Inputs of the telephony admin pages (user phone settings, numbers, connections, balance), one
// schema per intent, shared by the forms (client) and the actions (server). Messages are keys
// under "Validation", so every language explains the same mistake.
import { idSchema, nameSchema, textSchema } from "../validation.ts";
import { z } from "../zod.ts";

const optionalName = (max: number) =>
  nameSchema
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => value || null);

// ── User phone settings ──────────────────────────────────────────────────────────────────────

/** An internal extension: what a PBX dials, so digits only; short enough to be typed. */
const extension = z
  .string()
  .trim()
  .max(8, "invalidExtension")
  .regex(/^(\d{2,8})?$/, "invalidExtension")
  .optional()
  .transform((value) => value || null);

export const updatePhoneSettingsInput = z.object({
  userId: idSchema,
  device: optionalName(100),
  extension,
  /** null: the company's default outgoing number. */
  outgoingNumberId: idSchema.nullable(),
});
export type UpdatePhoneSettingsInput = z.infer<typeof updatePhoneSettingsInput>;

// ── Rented numbers and SIP/PBX connections ───────────────────────────────────────────────────

/**
 * A phone number as people write it (digits, spaces, brackets, dashes, a leading + or 00). The
 * server normalises it with normalizePhoneNumber (server-only) and checks the digit count there.
 */
const phoneNumber = z
  .string()
  .trim()
  .min(1, "required")
  .max(40, "tooLong")
  .regex(/^\+?[\d\s()./-]+$/, "invalidPhoneNumber");

const numberFields = { label: optionalName(100), connectionId: idSchema.nullable() };

export const addNumberInput = z.object({ number: phoneNumber, ...numberFields });
export const updateNumberInput = z.object({ id: idSchema, ...numberFields });
export const deleteByIdInput = z.object({ id: idSchema });
export type AddNumberInput = z.infer<typeof addNumberInput>;
export type UpdateNumberInput = z.infer<typeof updateNumberInput>;

const host = z
  .string()
  .trim()
  .min(1, "required")
  .max(253, "tooLong")
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "invalidHost");
const port = z.coerce
  .number({ error: "invalidPort" })
  .int("invalidPort")
  .min(1, "invalidPort")
  .max(65535, "invalidPort");

/** One schema for create and edit: without an id it creates, and then the password is required. */
export const saveConnectionInput = z
  .object({
    id: idSchema.optional(),
    name: nameSchema.trim().min(1, "required").max(100, "tooLong"),
    host,
    port,
    // A SIP login goes into a REGISTER header: one clean line.
    login: nameSchema.trim().min(1, "required").max(200, "tooLong"),
    password: textSchema
      .max(1024, "tooLong")
      .optional()
      .transform((value) => value || undefined),
  })
  .refine((input) => input.id !== undefined || input.password !== undefined, {
    path: ["password"],
    message: "required",
  });
export type SaveConnectionInput = z.infer<typeof saveConnectionInput>;

// ── Balance ──────────────────────────────────────────────────────────────────────────────────

/** Signed amount in major units with at most two decimals, e.g. "50", "-12.5"; never zero. */
const amount = z
  .string()
  .trim()
  .min(1, "required")
  .regex(/^[+-]?\d{1,7}([.,]\d{1,2})?$/, "invalidAmount")
  .transform((value) => Math.round(Number(value.replace(",", ".")) * 100))
  .refine((cents) => cents !== 0, "invalidAmount");

export const addBalanceEntryInput = z
  .object({
    kind: z.enum(["TOP_UP", "ADJUSTMENT"]),
    amount,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "invalidCurrency"),
    description: nameSchema.trim().min(1, "required").max(200, "tooLong"),
  })
  // A top-up adds money; taking money away is an adjustment (or a call charge from the PBX).
  .refine((input) => input.kind !== "TOP_UP" || input.amount > 0, { path: ["amount"], message: "topUpPositive" });
export type AddBalanceEntryInput = z.infer<typeof addBalanceEntryInput>;
