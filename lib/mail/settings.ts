// The connection settings of a mailbox, with its secrets decrypted — only ever on the server,
// only for the moment a connection is made.
import type { Db } from "../db.ts";
import type { ConnectionSecurity } from "../generated/prisma/enums.ts";
import { decryptSecret, secretContext } from "./secrets.ts";

export interface ServerEndpoint {
  host: string;
  port: number;
  security: ConnectionSecurity;
  login: string;
  password: string;
}

export interface MailServerSettings {
  email: string;
  imap: ServerEndpoint;
  /** Null when sending is switched off for the mailbox. */
  smtp: ServerEndpoint | null;
}

/** The columns serverSettingsOf() needs, for callers that load the row themselves. */
export const serverSettingsSelect = {
  id: true,
  email: true,
  imapHost: true,
  imapPort: true,
  imapSecurity: true,
  imapLogin: true,
  imapPasswordEnc: true,
  smtpEnabled: true,
  smtpHost: true,
  smtpPort: true,
  smtpSecurity: true,
  smtpLogin: true,
  smtpPasswordEnc: true,
} as const;

type SettingsRow = {
  id: number;
  email: string;
  imapHost: string;
  imapPort: number;
  imapSecurity: ConnectionSecurity;
  imapLogin: string;
  imapPasswordEnc: string;
  smtpEnabled: boolean;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: ConnectionSecurity | null;
  smtpLogin: string | null;
  smtpPasswordEnc: string | null;
};

export async function loadServerSettings(db: Db, mailboxId: number): Promise<MailServerSettings> {
  return serverSettingsOf(
    await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: serverSettingsSelect }),
  );
}

export function serverSettingsOf(row: SettingsRow): MailServerSettings {
  const imapPassword = decryptSecret(row.imapPasswordEnc, secretContext(row.id, "imapPassword"));
  return {
    email: row.email,
    imap: {
      host: row.imapHost,
      port: row.imapPort,
      security: row.imapSecurity,
      login: row.imapLogin,
      password: imapPassword,
    },
    smtp:
      row.smtpEnabled && row.smtpHost && row.smtpPort
        ? {
            host: row.smtpHost,
            port: row.smtpPort,
            security: row.smtpSecurity ?? row.imapSecurity,
            // SMTP login and password default to the IMAP ones (SPEC §3.1).
            login: row.smtpLogin ?? row.imapLogin,
            password: row.smtpPasswordEnc
              ? decryptSecret(row.smtpPasswordEnc, secretContext(row.id, "smtpPassword"))
              : imapPassword,
          }
        : null,
  };
}
