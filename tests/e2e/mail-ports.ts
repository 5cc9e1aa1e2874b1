// The ports of the mail servers the mailbox specs start on 127.0.0.1. The console under test allows
// exactly these (and the demo Dovecot it starts itself), not all of loopback: it is started before
// any spec runs, so the ports are fixed here, apart per E2E_PORT so parallel runs do not collide.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export const E2E_IMAP_PORT = Number(process.env.E2E_IMAP_PORT ?? 10_000 + E2E_PORT);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 20_000 + E2E_PORT);

/** The console's own outgoing-mail catcher (invitations, notifications; Company › Outbox). */
export const E2E_CONSOLE_SMTP_PORT = Number(process.env.E2E_CONSOLE_SMTP_PORT ?? 30_000 + E2E_PORT);

/** MAIL_ALLOWED_NETWORKS for the console under test. */
export const E2E_ALLOWED_NETWORKS = `127.0.0.1:${E2E_IMAP_PORT},127.0.0.1:${E2E_SMTP_PORT}`;
