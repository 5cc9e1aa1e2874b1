// The webmail specs work on the demo mailboxes the console under test serves from its own local
// Dovecot (scripts/lib/demo-mail.ts): mail is delivered there over IMAP (APPEND), like any client
// would, and the console syncs it the way it always does — its owner opens the mail view.
import { expect, type Page } from "@playwright/test";
import { ImapFlow } from "imapflow";
import { e2eQuery } from "./database.ts";

/** The demo mail server's password for every demo mailbox (scripts/lib/demo-mail.ts). */
export const DEMO_MAIL_PASSWORD = "demo-mail";

export interface DemoMailbox {
  id: number;
  email: string;
  port: number;
}

/** The owner's mailbox on the local demo Dovecot. */
export async function demoMailboxOf(ownerEmail: string): Promise<DemoMailbox> {
  const [row] = await e2eQuery<DemoMailbox>(
    `SELECT m.id, m.email, m."imapPort" AS port FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId"
     WHERE u.email = $1 AND m."imapHost" = '127.0.0.1' AND m.email NOT LIKE '%.archive@%' ORDER BY m.id LIMIT 1`,
    [ownerEmail],
  );
  if (!row) throw new Error(`no demo mailbox on the local Dovecot for ${ownerEmail}: is Dovecot installed?`);
  return row;
}

export async function withDemoImap<T>(mailbox: DemoMailbox, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: mailbox.port,
    secure: false,
    auth: { user: mailbox.email, pass: DEMO_MAIL_PASSWORD },
    logger: false,
  });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Delivers raw messages into `folder` (created when missing). */
export async function deliver(mailbox: DemoMailbox, folder: string, messages: (string | Buffer)[]) {
  await withDemoImap(mailbox, async (client) => {
    await client.mailboxCreate(folder).catch(() => undefined);
    for (const message of messages) await client.append(folder, message);
  });
}

/**
 * Opens the mailbox's mail view as its owner, which queues a sync when the last one is older than a
 * couple of minutes (made so here), and waits until `folder` holds `count` messages in the database.
 */
export async function syncUntil(page: Page, mailbox: DemoMailbox, folder: string, count: number) {
  await e2eQuery(`UPDATE "Mailbox" SET "lastSyncAt" = now() - interval '1 hour', "syncState" = 'IDLE' WHERE id = $1`, [
    mailbox.id,
  ]);
  await page.goto(`/webmail/mail?mailbox=${mailbox.id}`);
  await expect
    .poll(
      async () =>
        (
          await e2eQuery<{ count: number }>(
            `SELECT count(*)::int AS count FROM "MailMessage" m JOIN "MailFolder" f ON f.id = m."folderId" WHERE f."mailboxId" = $1 AND f.path = $2`,
            [mailbox.id, folder],
          )
        )[0]!.count,
      { timeout: 60_000 },
    )
    .toBe(count);
  const [row] = await e2eQuery<{ id: number }>(`SELECT id FROM "MailFolder" WHERE "mailboxId" = $1 AND path = $2`, [
    mailbox.id,
    folder,
  ]);
  return row!.id;
}

export async function messagesIn(folderId: number) {
  return e2eQuery<{ uid: string; subject: string | null; seen: boolean; flagged: boolean }>(
    `SELECT uid, subject, seen, flagged FROM "MailMessage" WHERE "folderId" = $1 ORDER BY uid`,
    [folderId],
  );
}
