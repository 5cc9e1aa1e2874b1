// One schema per intent, shared by the form (client) and the action (server). Error messages are
// message keys under "Validation" in the catalogs, so every language explains the same mistake.
import { z } from "zod";

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
const login = z.string().trim().min(1, "required").max(320, "tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => value || undefined);

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
    ownerId: z.number().int().positive(),
    email: emailAddress,
    ...serverFields,
    imapLogin: login,
    imapPassword: z.string().min(1, "required").max(1024, "tooLong"),
    /** Empty: the IMAP login and password are used for SMTP too. */
    smtpLogin: optionalText(320),
    smtpPassword: z
      .string()
      .max(1024, "tooLong")
      .optional()
      .transform((value) => value || undefined),
    dailySendLimit: z.number().int().min(1, "invalidNumber").max(100_000, "invalidNumber").optional(),
    name: optionalText(200),
    senderName: optionalText(200),
    syncPeriod: z.enum(SYNC_PERIODS),
    saveSentCopy: z.boolean(),
    excludedFolders: z.array(z.string().max(500)).max(500).default([]),
    sentFolder: optionalText(500),
    trashFolder: optionalText(500),
    spamFolder: optionalText(500),
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
    mailboxId: z.number().int().positive(),
    ...serverFields,
    imapLogin: login,
    imapPassword: z
      .string()
      .max(1024, "tooLong")
      .optional()
      .transform((value) => value || undefined),
    smtpLogin: optionalText(320),
    smtpPassword: z
      .string()
      .max(1024, "tooLong")
      .optional()
      .transform((value) => value || undefined),
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
  mailboxId: z.number().int().positive(),
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  senderName: optionalText(200),
  syncPeriod: z.enum(SYNC_PERIODS),
  saveSentCopy: z.boolean(),
  excludedFolders: z.array(z.string().max(500)).max(500),
  sentFolder: optionalText(500),
  trashFolder: optionalText(500),
  spamFolder: optionalText(500),
  signatureHtml: z.string().max(20_000, "tooLong"),
});
export type UpdateGeneralInput = z.infer<typeof updateGeneralInput>;

/** "anna@example.com" or "@example.com". */
export const blacklistPattern = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "tooLong")
  .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+|@[^\s@]+\.[^\s@]+)$/, "invalidBlacklistEntry");

export const updateBlacklistInput = z.object({
  mailboxId: z.number().int().positive(),
  patterns: z.array(blacklistPattern).max(2000, "tooMany"),
});

export const updateContactsInput = z.object({
  mailboxId: z.number().int().positive(),
  contacts: z.array(z.object({ email: emailAddress, name: optionalText(200) })).max(5000, "tooMany"),
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
  refId: z.number().int().min(0),
});

export const updateSharingInput = z.object({
  mailboxId: z.number().int().positive(),
  subjects: z.array(subject).max(200, "tooMany"),
});

export const updateCrmInput = z.object({
  mailboxId: z.number().int().positive(),
  crmEnabled: z.boolean(),
  crmProcessDays: z.number().int().min(1, "invalidNumber").max(365, "invalidNumber"),
  crmIncomingNewAction: z.enum(["LEAD", "CONTACT", "NONE"]),
  crmOutgoingNewAction: z.enum(["LEAD", "CONTACT", "NONE"]),
  crmRouteToResponsible: z.boolean(),
  crmLeadForEveryFrom: z.array(blacklistPattern).max(500, "tooMany"),
  crmSource: z.string().trim().min(1, "required").max(100, "tooLong"),
  crmContactsFromVcards: z.boolean(),
  /** Employees new leads and contacts are distributed to, in turn. */
  crmQueue: z.array(z.number().int().positive()).max(100, "tooMany"),
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
          userId: z.number().int().positive(),
          email: emailAddress,
          login: z
            .string()
            .trim()
            .max(320, "tooLong")
            .optional()
            .transform((value) => value || undefined),
          password: z.string().min(1, "required").max(1024, "tooLong"),
          smtpLogin: z
            .string()
            .trim()
            .max(320, "tooLong")
            .optional()
            .transform((value) => value || undefined),
          smtpPassword: z
            .string()
            .max(1024, "tooLong")
            .optional()
            .transform((value) => value || undefined),
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
