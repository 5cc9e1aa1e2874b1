// Input of the telephony settings page, shared by its forms and its actions. Messages are keys
// under Validation.
import { normalizePhoneNumber } from "@/lib/access/phone-number";
import { idSchema, isCleanName } from "@/lib/validation";
import { z } from "@/lib/zod";

export const MAX_RETENTION_DAYS = 36_500;

export const blacklistNumberSchema = z
  .string()
  .trim()
  .min(1, "required")
  .max(40, "tooLong")
  .refine(isCleanName, "disallowedCharacters")
  .refine((value) => /^[\d\s()+./-]+$/.test(value), "invalidPhoneNumber")
  .transform(normalizePhoneNumber)
  .refine((number) => /^\+?\d{3,20}$/.test(number), "invalidPhoneNumber");

export const blacklistInput = z.strictObject({ number: blacklistNumberSchema });

export const generalSettingsInput = z.strictObject({
  defaultOutgoingNumberId: idSchema.nullable(),
  recordingRetentionDays: z
    .number({ error: "invalidRetention" })
    .int("invalidRetention")
    .min(1, "invalidRetention")
    .max(MAX_RETENTION_DAYS, "invalidRetention")
    .nullable(),
});

export const createTokenInput = z.strictObject({
  name: z.string().trim().min(1, "required").max(80, "tooLong").refine(isCleanName, "disallowedCharacters"),
});

export const revokeTokenInput = z.strictObject({ id: idSchema });
