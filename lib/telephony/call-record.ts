// One call detail record as a PBX sends it (the telephony API, SPEC §5.3). Everything in it is
// hostile until parsed: ids past int4, NUL bytes, control characters and absurd dates are
// refused here with a reason, before PostgreSQL could refuse them as a 500.
import { normalizePhoneNumber } from "../access/phone-number.ts";
import { isCleanName, MAX_ID } from "../validation.ts";
import { z } from "../zod.ts";

/** A PBX's own id for a call: used in URLs (recording upload), so URL-safe ASCII only. */
export const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
/** Longer than any real call; a bound so a typo cannot skew the statistics by years. */
export const MAX_CALL_SECONDS = 7 * 24 * 3600;

const phone = z
  .string()
  .max(40, "tooLong")
  .refine(isCleanName, "disallowedCharacters")
  .transform(normalizePhoneNumber)
  .refine((number) => /^\+?\d{3,20}$/.test(number), "invalidNumber");

export const employeeRefSchema = z.union(
  [
    z.strictObject({ email: z.string().max(254, "tooLong").refine(isCleanName, "disallowedCharacters") }),
    z.strictObject({ extension: z.string().regex(/^[A-Za-z0-9*#+-]{1,20}$/, "invalidExtension") }),
    z.strictObject({ phone }),
  ],
  { error: "employeeNeedsOneOfEmailExtensionPhone" },
);
export type EmployeeRef = z.infer<typeof employeeRefSchema>;

const earliest = Date.UTC(2000, 0, 1);

export const callRecordSchema = z.strictObject({
  externalId: z.string({ error: "required" }).regex(EXTERNAL_ID, "invalidExternalId"),
  direction: z.enum(["incoming", "outgoing"], { error: "invalidDirection" }),
  status: z.enum(["answered", "missed", "busy", "failed"], { error: "invalidStatus" }),
  employee: employeeRefSchema,
  phoneNumber: phone,
  lineNumber: z
    .string()
    .max(40, "tooLong")
    .refine(isCleanName, "disallowedCharacters")
    .transform(normalizePhoneNumber)
    .refine((number) => /^\+?\d{1,20}$/.test(number), "invalidNumber")
    .nullish(),
  startedAt: z.iso
    .datetime({ offset: true, error: "invalidDate" })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() >= earliest && date.getTime() <= Date.now() + 86_400_000, "dateOutOfRange"),
  durationSeconds: z
    .number({ error: "invalidDuration" })
    .int("invalidDuration")
    .min(0, "invalidDuration")
    .max(MAX_CALL_SECONDS, "invalidDuration"),
  crmEntity: z
    .strictObject({
      type: z.enum(["contact", "lead"], { error: "invalidCrmEntity" }),
      id: z
        .number({ error: "invalidCrmEntity" })
        .int("invalidCrmEntity")
        .min(1, "invalidCrmEntity")
        .max(MAX_ID, "invalidCrmEntity"),
    })
    .nullish(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** Short, stable reason for a refused record: "<field path>: <code>", never the value itself. */
export function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.join(".") || "record";
  const code =
    issue.code === "unrecognized_keys"
      ? "unknownField"
      : issue.message.match(/^[A-Za-z]+$/)
        ? issue.message
        : issue.code;
  return `${path}: ${code}`;
}
