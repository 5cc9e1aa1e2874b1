// npm run bench:webmail — the mail view against a real Dovecot and PostgreSQL: a 100,000-message
// folder synced as the worker does, then the message list page (first pages, unread filter, search)
// and opening a 200 kB HTML message the way a reader's request does (short-lived IMAP connection,
// BODY.PEEK[] fetch, mailparser, sanitiser; nothing cached).
// Targets: list page p95 ≤ 50 ms, open p95 ≤ 300 ms. Last line: bench:webmail p95_list_ms=<n> p95_open_ms=<n>

import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { Dovecot } from "../lib/dovecot.ts";
import { benchDatabase, percentile, round, timed } from "./lib.ts";

const MESSAGES = Number(process.env.BENCH_WEBMAIL_MESSAGES ?? 100_000);
const log = (line: string) => console.log(line);

const dovecot = await Dovecot.start();
const database = await benchDatabase("bench_webmail");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-auth-secret-0123456789",
  MAIL_SECRET_KEYS: process.env.MAIL_SECRET_KEYS ?? `b1:${Buffer.alloc(32, 3).toString("base64")}`,
  MAIL_ALLOWED_NETWORKS: `127.0.0.1:${dovecot.port}`,
});
const { db, disconnectDb } = await import("../../lib/db.ts");
const { createImapMailbox, createUser } = await import("../../tests/factories.ts");
const { syncMailbox } = await import("../../lib/mail/sync/mailbox-sync.ts");
const { messagePage } = await import("../../lib/mail/reader/list.ts");
const { closeImapConnections, withImap } = await import("../../lib/mail/reader/connection.ts");
const { fetchParsed } = await import("../../lib/mail/reader/read.ts");
const { frameDocument } = await import("../../lib/mail/reader/frame.ts");

/** A newsletter-like HTML body of about `bytes`: tables, styled text, links and remote images. */
function newsletter(bytes: number): string {
  const block = (index: number) =>
    `<table width="600" cellpadding="8" style="border-collapse:collapse;font-family:Arial"><tr><td style="color:#333;font-size:14px">` +
    `<h2 style="color:#0a5">Offer ${index}</h2><p>Dear customer, our <b>spring collection</b> item ${index} is now available ` +
    `at a special price. <a href="https://shop.example/item/${index}?utm_source=mail">See the offer</a>.</p>` +
    `<img src="https://cdn.shop.example/img/${index}.jpg" width="560" alt="Item ${index}"></td></tr></table>`;
  let html = "<html><body>";
  for (let index = 0; html.length < bytes; index += 1) html += block(index);
  return `${html}</body></html>`;
}

try {
  const user = "reader@bench.test";
  await dovecot.addUser(user, "bench");
  const seedStart = Date.now();
  const senders = [
    "Anna Schmidt <anna@example.com>",
    "Marco Rossi <marco@example.it>",
    "Layla Haddad <layla@example.ae>",
  ];
  for (let offset = 0; offset < MESSAGES; offset += 10_000) {
    await dovecot.seed(
      user,
      "INBOX",
      Array.from({ length: Math.min(10_000, MESSAGES - offset) }, (_, index) => ({
        from: senders[(offset + index) % senders.length],
        to: `Team ${index % 50} <team${index % 50}@bench.test>`,
        subject: `Order ${offset + index}: shipping confirmation`,
        date: new Date(Date.now() - (MESSAGES - offset - index) * 60_000),
        flags: (offset + index) % 3 === 0 ? [] : (["S"] as ("S" | "F")[]),
        padding: 300,
      })),
    );
  }
  const html = newsletter(200 * 1024);
  const raw = await new MailComposer({ from: "Shop <news@shop.example>", to: user, subject: "Newsletter", html })
    .compile()
    .build();
  const appender = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user, pass: "bench" },
    logger: false,
  });
  appender.on("error", () => undefined);
  await appender.connect();
  const appended = await appender.append("INBOX", raw);
  await appender.logout();
  log(
    `seeded ${MESSAGES} messages and a ${round(raw.length / 1024, 0)} kB HTML message in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const owner = await createUser(db);
  const mailbox = await createImapMailbox(db, owner.id, { port: dovecot.port, user, password: "bench" });
  const [syncMs, report] = await timed(() => syncMailbox(db, mailbox.id));
  if (!report.ok) throw new Error(`sync failed: ${JSON.stringify(report.error)}`);
  const inbox = await db.mailFolder.findFirstOrThrow({ where: { mailboxId: mailbox.id, path: "INBOX" } });
  log(
    `synced in ${(syncMs / 1000).toFixed(1)} s: ${await db.mailMessage.count({ where: { folderId: inbox.id } })} messages stored`,
  );
  await db.$executeRawUnsafe(`ANALYZE "MailMessage"`);

  // The list: what readers do most — the first pages, the unread filter, a search.
  const queries = [
    ...Array.from({ length: 120 }, (_, index) => ({ page: 1 + (index % 10), q: "", filter: "all" as const })),
    ...Array.from({ length: 40 }, (_, index) => ({ page: 1 + (index % 4), q: "", filter: "unread" as const })),
    ...Array.from({ length: 40 }, (_, index) => ({
      page: 1,
      q: ["Order 4242", "layla", "team7@", "shipping"][index % 4]!,
      filter: "all" as const,
    })),
  ];
  for (const query of queries.slice(0, 20)) await messagePage(db, { folderId: inbox.id, ...query }); // warm-up
  const listSamples: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const query of queries) {
    const [ms] = await timed(() => messagePage(db, { folderId: inbox.id, ...query }));
    listSamples.push(ms);
    const kind = query.q ? "search" : query.filter;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  for (const [kind, samples] of byKind)
    log(`  ${kind}: p50 ${round(percentile(samples, 50))} ms, p95 ${round(percentile(samples, 95))} ms`);
  log(
    `list page: p50 ${round(percentile(listSamples, 50))} ms, p95 ${round(percentile(listSamples, 95))} ms (${listSamples.length} pages)`,
  );

  // Opening: a fresh connection, BODY.PEEK[] of the 200 kB message, parse, sanitise — as on a cache miss.
  const uid =
    appended && "uid" in appended && appended.uid
      ? Number(appended.uid)
      : inbox.uidNext
        ? Number(inbox.uidNext) - 1
        : 0;
  const open = () =>
    withImap(db, mailbox.id, async (client) => {
      const lock = await client.getMailboxLock("INBOX");
      try {
        const found = await fetchParsed(client, uid);
        if (!found) throw new Error(`message ${uid} not found`);
        return frameDocument(found.message, false);
      } finally {
        lock.release();
      }
    });
  const first = await open();
  log(
    `opened message ${uid}: ${round(first.html.length / 1024, 0)} kB sanitised, ${first.blockedRemote} remote images held back`,
  );
  // A reader going through messages: the mailbox's connection is kept (lib/mail/reader/connection.ts).
  const openSamples: number[] = [];
  for (let index = 0; index < 40; index += 1) openSamples.push((await timed(open))[0]);
  // The first open after a minute away: a new connection, LOGIN and SELECT of the large folder.
  const coldSamples: number[] = [];
  for (let index = 0; index < 10; index += 1) {
    await closeImapConnections();
    coldSamples.push((await timed(open))[0]);
  }
  log(
    `open after the connection was closed: p50 ${round(percentile(coldSamples, 50))} ms, p95 ${round(percentile(coldSamples, 95))} ms`,
  );
  log(
    `open 200 kB HTML: p50 ${round(percentile(openSamples, 50))} ms, p95 ${round(percentile(openSamples, 95))} ms (${openSamples.length} opens)`,
  );

  // Where an open's time goes: the connection (TCP, greeting, LOGIN, LOGOUT) on its own.
  const connectSamples: number[] = [];
  for (let index = 0; index < 20; index += 1) {
    await closeImapConnections();
    connectSamples.push((await timed(() => withImap(db, mailbox.id, async () => null)))[0]);
  }
  log(`  of which connect + login + logout: p50 ${round(percentile(connectSamples, 50))} ms`);
  const selectSamples: number[] = [];
  for (let index = 0; index < 20; index += 1) {
    await closeImapConnections();
    const select = () => withImap(db, mailbox.id, async (client) => (await client.getMailboxLock("INBOX")).release());
    selectSamples.push((await timed(select))[0]);
  }
  log(`  of which connect + EXAMINE of the ${MESSAGES}-message folder: p50 ${round(percentile(selectSamples, 50))} ms`);

  const p95List = round(percentile(listSamples, 95), 1);
  const p95Open = round(percentile(openSamples, 95), 1);
  log(
    `targets: list p95 ≤ 50 ms ${p95List <= 50 ? "met" : "NOT met"}, open p95 ≤ 300 ms ${p95Open <= 300 ? "met" : "NOT met"}`,
  );
  log(`bench:webmail p95_list_ms=${p95List} p95_open_ms=${p95Open}`);
} finally {
  await closeImapConnections();
  await disconnectDb();
  await dovecot.stop();
  await database.stop();
}
