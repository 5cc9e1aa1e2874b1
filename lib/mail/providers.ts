// Server presets for the common providers (SPEC §3.1); "custom" leaves every field to the user.
export type Security = "SSL" | "STARTTLS" | "NONE";

export interface ServerPreset {
  id: string;
  label: string;
  imap: { host: string; port: number; security: Security };
  smtp: { host: string; port: number; security: Security };
  /** Shown next to the password: these providers want an app password when 2FA is on. */
  appPassword: boolean;
}

export const PROVIDERS: ServerPreset[] = [
  {
    id: "gmail",
    label: "Gmail",
    imap: { host: "imap.gmail.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.gmail.com", port: 465, security: "SSL" },
    appPassword: true,
  },
  {
    id: "outlook",
    label: "Microsoft 365 / Outlook",
    imap: { host: "outlook.office365.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.office365.com", port: 587, security: "STARTTLS" },
    appPassword: true,
  },
  {
    id: "yahoo",
    label: "Yahoo",
    imap: { host: "imap.mail.yahoo.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.mail.yahoo.com", port: 465, security: "SSL" },
    appPassword: true,
  },
  {
    id: "icloud",
    label: "iCloud",
    imap: { host: "imap.mail.me.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.mail.me.com", port: 587, security: "STARTTLS" },
    appPassword: true,
  },
  {
    id: "yandex",
    label: "Yandex",
    imap: { host: "imap.yandex.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.yandex.com", port: 465, security: "SSL" },
    appPassword: true,
  },
  {
    id: "zoho",
    label: "Zoho",
    imap: { host: "imap.zoho.com", port: 993, security: "SSL" },
    smtp: { host: "smtp.zoho.com", port: 465, security: "SSL" },
    appPassword: true,
  },
  {
    id: "mailru",
    label: "Mail.ru",
    imap: { host: "imap.mail.ru", port: 993, security: "SSL" },
    smtp: { host: "smtp.mail.ru", port: 465, security: "SSL" },
    appPassword: true,
  },
];

export function providerOf(id: string): ServerPreset | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}
