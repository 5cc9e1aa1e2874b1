// One schema per intent, shared by the form (client) and the action (server). Error messages are
// message keys under "Validation" in the catalogs, so every language explains the same mistake.

import { idSchema, nameSchema, subjectRefIdSchema, textSchema } from "../validation.ts";
import { z } from "../zod.ts";

export const SYNC_PERIODS = ["1", "7", "30", "60", "90", "all"] as const;
export type SyncPeriod = (typeof SYNC_PERIODS)[number];

export const periodToDays = (period: SyncPeriod): number | null => (period === "all" ? null : Number(period));
export const daysToPeriod = (days: number | null): SyncPeriod =>
  days === null ? "all" : ((SYNC_PERIODS.find((period) => period === String(days)) ?? "7") as SyncPeriod);

const security = z.enum(["SSL", "STARTTLS", "NONE"]);
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
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "required")
  .max(320, "tooLong")
  .email("invalidEmail");
// A login goes into an IMAP LOGIN or SMTP AUTH command: one clean line, like a name.
const login = nameSchema.trim().min(1, "required").max(320, "tooLong");
/** A password: anything the mail server might accept that PostgreSQL can hold while encrypted. */
const password = textSchema.max(1024, "tooLong");
const optionalPassword = password.optional().transform((value) => value || undefined);
/** An optional name (mailbox, sender, folder, contact): one clean line. */
const optionalName = (max: number) =>
  nameSchema
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => value || undefined);
/** Folder paths come from the mail server's list; one that needs control characters is refused. */
const folderList = z.array(nameSchema.max(500, "tooLong")).max(500, "tooMany");

/** IMAP and SMTP servers of one mailbox. Passwords are plain here and only here, on the way in. */
export const serverFields = {
  imapHost: host,
  imapPort: port,
  imapSecurity: security,
  smtpEnabled: z.boolean(),
  smtpHost: host.optional(),
  smtpPort: port.optional(),
  smtpSecurity: security.optional(),
};

export const connectMailboxInput = z
  .object({
    ownerId: idSchema,
    email: emailAddress,
    ...serverFields,
    imapLogin: login,
    imapPassword: password.min(1, "required"),
    /** Empty: the IMAP login and password are used for SMTP too. */
    smtpLogin: optionalName(320),
    smtpPassword: optionalPassword,
    dailySendLimit: z.number().int().min(1, "invalidNumber").max(100_000, "invalidNumber").optional(),
    name: optionalName(200),
    senderName: optionalName(200),
    syncPeriod: z.enum(SYNC_PERIODS),
    saveSentCopy: z.boolean(),
    excludedFolders: folderList.default([]),
    sentFolder: optionalName(500),
    trashFolder: optionalName(500),
    spamFolder: optionalName(500),
  })
  .superRefine((input, context) => {
    if (input.smtpEnabled) {
      if (!input.smtpHost) context.addIssue({ code: "custom", path: ["smtpHost"], message: "required" });
      if (!input.smtpPort) context.addIssue({ code: "custom", path: ["smtpPort"], message: "invalidPort" });
    }
  });
export type ConnectMailboxInput = z.infer<typeof connectMailboxInput>;

/** Connection settings of an existing mailbox: an empty password keeps the stored one (SPEC §3.3). */
export const updateConnectionInput = z
  .object({
    mailboxId: idSchema,
    ...serverFields,
    imapLogin: login,
    imapPassword: optionalPassword,
    smtpLogin: optionalName(320),
    smtpPassword: optionalPassword,
    dailySendLimit: z.number().int().min(1, "invalidNumber").max(100_000, "invalidNumber").optional(),
  })
  .superRefine((input, context) => {
    if (input.smtpEnabled) {
      if (!input.smtpHost) context.addIssue({ code: "custom", path: ["smtpHost"], message: "required" });
      if (!input.smtpPort) context.addIssue({ code: "custom", path: ["smtpPort"], message: "invalidPort" });
    }
  });
export type UpdateConnectionInput = z.infer<typeof updateConnectionInput>;

export const updateGeneralInput = z.object({
  mailboxId: idSchema,
  name: nameSchema.trim().min(1, "required").max(200, "tooLong"),
  senderName: optionalName(200),
  syncPeriod: z.enum(SYNC_PERIODS),
  saveSentCopy: z.boolean(),
  excludedFolders: folderList,
  sentFolder: optionalName(500),
  trashFolder: optionalName(500),
  spamFolder: optionalName(500),
  signatureHtml: textSchema.max(20_000, "tooLong"),
});
export type UpdateGeneralInput = z.infer<typeof updateGeneralInput>;

/** "anna@example.com" or "@example.com". */
export const blacklistPattern = nameSchema
  .trim()
  .toLowerCase()
  .max(320, "tooLong")
  .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+|@[^\s@]+\.[^\s@]+)$/, "invalidBlacklistEntry");

export const updateBlacklistInput = z.object({
  mailboxId: idSchema,
  patterns: z.array(blacklistPattern).max(2000, "tooMany"),
});

export const updateContactsInput = z.object({
  mailboxId: idSchema,
  contacts: z.array(z.object({ email: emailAddress, name: optionalName(200) })).max(5000, "tooMany"),
});

const subject = z.object({
  kind: z.enum([
    "USER",
    "DEPARTMENT",
    "DEPARTMENT_TREE",
    "ALL_HEADS",
    "ALL_EMPLOYEES",
    "WORK_GROUP",
    "USER_GROUP",
    "ADMINS",
  ]),
  refId: subjectRefIdSchema,
});

export const updateSharingInput = z.object({
  mailboxId: idSchema,
  subjects: z.array(subject).max(200, "tooMany"),
});

export const updateCrmInput = z.object({
  mailboxId: idSchema,
  crmEnabled: z.boolean(),
  crmProcessDays: z.number().int().min(1, "invalidNumber").max(365, "invalidNumber"),
  crmIncomingNewAction: z.enum(["LEAD", "CONTACT", "NONE"]),
  crmOutgoingNewAction: z.enum(["LEAD", "CONTACT", "NONE"]),
  crmRouteToResponsible: z.boolean(),
  crmLeadForEveryFrom: z.array(blacklistPattern).max(500, "tooMany"),
  crmSource: nameSchema.trim().min(1, "required").max(100, "tooLong"),
  crmContactsFromVcards: z.boolean(),
  /** Employees new leads and contacts are distributed to, in turn. */
  crmQueue: z.array(idSchema).max(100, "tooMany"),
});

/** A bulk-connect batch (SPEC §3.2): servers once, then one row per employee. */
export const bulkConnectInput = z
  .object({
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "required")
      .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.[a-z]{2,}$/, "invalidDomain"),
    ...serverFields,
    syncPeriod: z.enum(SYNC_PERIODS),
    rows: z
      .array(
        z.object({
          userId: idSchema,
          email: emailAddress,
          login: optionalName(320),
          password: password.min(1, "required"),
          smtpLogin: optionalName(320),
          smtpPassword: optionalPassword,
        }),
      )
      .min(1, "required")
      .max(200, "tooMany"),
  })
  .superRefine((input, context) => {
    if (input.smtpEnabled && (!input.smtpHost || !input.smtpPort))
      context.addIssue({ code: "custom", path: ["smtpHost"], message: "required" });
  });
export type BulkConnectInput = z.infer<typeof bulkConnectInput>;
