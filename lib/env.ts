// The one place that reads process.env (DESIGN §7.8). Parsed on first use, not at import, so
// `next build` works without a database; a missing value fails loudly the first time it is needed.
import path from "node:path";
import { z } from "zod";
import { AllowedNetworksError, parseAllowedNetworks } from "./mail/allowed-networks.ts";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set: start the console with `npm start`, or set it"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters"),
  /** Time zone for dates shown in the console. */
  APP_TIME_ZONE: z.string().default("UTC"),
  /** Optional OpenID Connect sign-in (e.g. Keycloak, Entra ID): all three enable it. */
  AUTH_OIDC_ISSUER: optionalText,
  AUTH_OIDC_CLIENT_ID: optionalText,
  AUTH_OIDC_CLIENT_SECRET: optionalText,
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  /** Keyring for mail credentials: "k2:<base64 32 bytes>,k1:<...>" (lib/mail/secrets). */
  MAIL_SECRET_KEYS: optionalText,
  MAIL_SECRET_ACTIVE_KEY: optionalText,
  /** Mailboxes one worker process syncs at the same time. */
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Connections to one mail server across all workers (advisory-lock slots in PostgreSQL). */
  MAIL_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Messages per UID FETCH window (and per database write) during a full sync. */
  SYNC_WINDOW_SIZE: z.coerce.number().int().min(100).max(50_000).default(10_000),
  /** Mailboxes one worker process runs the CRM pipeline for at the same time. */
  CRM_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Messages per CRM transaction (lib/crm/pipeline). */
  CRM_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  /** How often a worker enqueues due mailboxes and requeues syncs nobody is working on. */
  WORKER_SCHEDULER_MS: z.coerce.number().int().min(500).max(3_600_000).default(15_000),
  /** The largest call recording the telephony API accepts, in MB (decimal: 1 MB = 1,000,000 bytes). */
  RECORDINGS_MAX_MB: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Internal networks mail servers may be in (lib/mail/outbound); unset: public addresses only. */
  MAIL_ALLOWED_NETWORKS: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseAllowedNetworks(value);
      } catch (error) {
        if (!(error instanceof AllowedNetworksError)) throw error;
        context.addIssue({ code: "custom", message: error.problem });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  parsed = result.data;
  return parsed;
}

/** Time zone for dates; readable without the rest of the environment (e.g. during `next build`). */
/** Where call recordings are stored (lib/telephony/storage): RECORDINGS_DIR, else beside the data. */
export function recordingsDir(): string {
  const dataDir = z
    .string()
    .min(1)
    .default(".data")
    .parse(process.env.CONSOLE_DATA_DIR || undefined);
  return path.resolve(
    z
      .string()
      .min(1)
      .default(path.join(dataDir, "recordings"))
      .parse(process.env.RECORDINGS_DIR || undefined),
  );
}

export function appTimeZone(): string {
  return z
    .string()
    .min(1)
    .default("UTC")
    .parse(process.env.APP_TIME_ZONE || undefined);
}

/** Whether OIDC sign-in is configured; read without requiring the rest of the environment. */
export function oidcSettings() {
  const {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: clientId,
    AUTH_OIDC_CLIENT_SECRET: clientSecret,
  } = schema
    .pick({ AUTH_OIDC_ISSUER: true, AUTH_OIDC_CLIENT_ID: true, AUTH_OIDC_CLIENT_SECRET: true })
    .parse(process.env);
  if (!issuer || !clientId || !clientSecret) return null;
  const name = z.string().default("Single sign-on").parse(process.env.AUTH_OIDC_NAME);
  return { issuer, clientId, clientSecret, name };
}

/**
 * The console's own outgoing mail (invitations, notification mails): SMTP_URL when set (e.g.
 * smtps://user:pass@mail.example.com), otherwise the local catcher `npm start` runs on
 * CONSOLE_SMTP_PORT, which keeps every message in the Outbox. Read without the rest of the
 * environment, so the catcher and the tests need no database settings to know it.
 */
export function consoleMailSettings() {
  const values = z
    .object({
      SMTP_URL: optionalText,
      CONSOLE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
      CONSOLE_MAIL_FROM: z.string().trim().min(3).default("Mailbox console <console@localhost>"),
    })
    .parse(process.env);
  return {
    smtpUrl: values.SMTP_URL ?? `smtp://127.0.0.1:${values.CONSOLE_SMTP_PORT}`,
    usesCatcher: values.SMTP_URL === undefined,
    catcherPort: values.CONSOLE_SMTP_PORT,
    from: values.CONSOLE_MAIL_FROM,
  };
}

/** `next dev` (the page policy then allows eval for React's error overlay); read without the rest of the environment. */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}
