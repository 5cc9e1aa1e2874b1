// Webmail in the browser: read, reply with the signature, forward with an attachment, move, delete,
// mark unread — as the owner and as a user the mailbox is shared with — against the demo Dovecot and
// an smtp-server peer; nobody else (the admin and the head included) gets anything but a 404.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { SmtpPeer } from "../fixtures/smtp.ts";
import { type Role, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { E2E_SMTP_PORT } from "./mail-ports.ts";
import {
  DEMO_MAIL_PASSWORD,
  type DemoMailbox,
  deliver,
  demoMailboxOf,
  messagesIn,
  syncUntil,
  withDemoImap,
} from "./webmail-helpers.ts";

const FILE = randomBytes(50_000);
const RUN = Date.now();
let smtp: SmtpPeer;
let mailbox: DemoMailbox;
let inboxId: number;

async function inboxMessage(subject: string) {
  const [row] = await e2eQuery<{ uid: string; seen: boolean }>(
    `SELECT uid, seen FROM "MailMessage" WHERE "folderId" = $1 AND subject = $2`,
    [inboxId, subject],
  );
  return row;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  mailbox = await demoMailboxOf("employee@demo.test");
  smtp = await SmtpPeer.start({ port: E2E_SMTP_PORT });
  smtp.addUser(mailbox.email, DEMO_MAIL_PASSWORD);
  // Sending through the peer, with the IMAP login and password (the SMTP default), a sender name and signature.
  await e2eQuery(
    `UPDATE "Mailbox" SET "smtpEnabled" = true, "smtpHost" = '127.0.0.1', "smtpPort" = $2, "smtpSecurity" = 'NONE',
       "smtpLogin" = NULL, "smtpPasswordEnc" = NULL, "senderName" = 'Jonas (Sales)', "saveSentCopy" = true,
       "signatureHtml" = '<p><b>Jonas Weber</b><br>Northwind Sales</p>', "dailySendLimit" = NULL WHERE id = $1`,
    [mailbox.id, E2E_SMTP_PORT],
  );
  const messages = await Promise.all(
    ["read", "reply", "forward", "move", "delete", "unread", "shared"].map((name) =>
      new MailComposer({
        from: "Anna Client <anna@customer.example>",
        to: mailbox.email,
        subject: `e2e ${name} ${RUN}`,
        html: `<p>Hello from the <b>${name}</b> test.</p>`,
        attachments: name === "read" ? [{ filename: "report.bin", content: FILE }] : [],
      })
        .compile()
        .build(),
    ),
  );
  await deliver(mailbox, "INBOX", messages);
  const page = await browser.newPage({ storageState: storageStateOf("employee") });
  const [{ count }] = (await e2eQuery<{ count: number }>(
    `SELECT count(*)::int AS count FROM "MailMessage" m JOIN "MailFolder" f ON f.id = m."folderId" WHERE f."mailboxId" = $1 AND f.path = 'INBOX'`,
    [mailbox.id],
  )) as [{ count: number }];
  inboxId = await syncUntil(page, mailbox, "INBOX", count + messages.length);
  await page.close();
});

test.afterAll(async () => {
  await e2eQuery(
    `UPDATE "Mailbox" SET "smtpEnabled" = false, "smtpHost" = NULL, "smtpPort" = NULL, "smtpSecurity" = NULL WHERE id = $1`,
    [mailbox.id],
  );
  await smtp?.stop();
});

test.describe("as the owner", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("reads a message: body in the sandboxed frame, attachment downloaded byte for byte, marked read", async ({
    page,
  }) => {
    const subject = `e2e read ${RUN}`;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}`);
    await page.getByRole("link", { name: new RegExp(subject) }).click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
    const frame = page.frameLocator("[data-testid=message-frame]");
    await expect(frame.getByText("Hello from the read test.")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /report\.bin/ }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(FILE)).toBe(true);
    await expect.poll(async () => (await inboxMessage(subject))?.seen).toBe(true);
  });

  test("creates a task from a message and links the message to a CRM contact", async ({ page }) => {
    const subject = `e2e read ${RUN}`;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}`);
    await page.getByRole("link", { name: new RegExp(subject) }).click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
    // A task about the message, titled with its subject by default, for the reader.
    await page.getByTestId("new-task").click();
    await expect(page.getByLabel("Title")).toHaveValue(subject);
    await page.getByTestId("save-task").click();
    await expect
      .poll(async () => {
        const [task] = await e2eQuery<{ messageKey: string | null; mailboxId: number | null }>(
          `SELECT "messageKey", "mailboxId" FROM "CrmTask" WHERE title = $1`,
          [subject],
        );
        return task && task.mailboxId === mailbox.id && task.messageKey !== null;
      })
      .toBe(true);
    // Linked to a contact: the email is on the contact's timeline, once however often it is linked.
    const [contact] = await e2eQuery<{ id: number; name: string }>(
      `SELECT id, name FROM "CrmContact" ORDER BY id LIMIT 1`,
    );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await page.keyboard.press("Escape");
      await page.getByTestId("link-to-crm").click();
      await page.getByTestId("crm-search").fill(contact!.name);
      await page.getByTestId("crm-search").press("Enter");
      await page
        .getByTestId("crm-matches")
        .getByRole("listitem")
        .filter({ hasText: contact!.name })
        .first()
        .getByRole("button", { name: "Link" })
        .click();
      await expect(page.getByTestId("crm-matches").getByRole("link", { name: "Open" }).first()).toBeVisible();
    }
    const [activities] = await e2eQuery<{ count: number }>(
      `SELECT count(*)::int AS count FROM "CrmActivity" WHERE "contactId" = $1 AND "mailboxId" = $2 AND subject = $3`,
      [contact!.id, mailbox.id, subject],
    );
    expect(activities!.count).toBe(1);
  });

  test("replies: the peer gets sender name, signature and threading headers; the copy is in Sent", async ({ page }) => {
    const subject = `e2e reply ${RUN}`;
    const { uid } = (await inboxMessage(subject))!;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${uid}`);
    await page.getByRole("link", { name: "Reply", exact: true }).click();
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(/anna@customer\.example/);
    await expect(page.getByLabel("Subject")).toHaveValue(`Re: ${subject}`);
    await page.getByLabel("Message").fill("Thanks, will do.");
    const before = smtp.received.length;
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText("Sent. A copy is in the Sent folder.")).toBeVisible();
    await expect.poll(() => smtp.received.length).toBe(before + 1);
    const mail = await simpleParser(smtp.received.at(-1)!.raw);
    expect(mail.from?.value[0]).toMatchObject({ name: "Jonas (Sales)", address: mailbox.email });
    expect(mail.inReplyTo).toBeTruthy();
    expect(mail.text).toContain("Thanks, will do.");
    expect(mail.text).toContain("Jonas Weber");
    const inSent = await withDemoImap(mailbox, async (client) => {
      const lock = await client.getMailboxLock("Sent");
      try {
        return (await client.search({ header: { "message-id": mail.messageId! } }, { uid: true })) || [];
      } finally {
        lock.release();
      }
    });
    expect(inSent).toHaveLength(1);
  });

  test("forwards with an attachment", async ({ page }) => {
    const { uid } = (await inboxMessage(`e2e forward ${RUN}`))!;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${uid}`);
    await page.getByRole("link", { name: "Forward", exact: true }).click();
    await page.getByLabel("To", { exact: true }).fill("partner@partner.example");
    await page
      .getByLabel("Attachments")
      .setInputFiles({ name: "offer.bin", mimeType: "application/octet-stream", buffer: FILE });
    const before = smtp.received.length;
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => smtp.received.length).toBe(before + 1);
    const mail = await simpleParser(smtp.received.at(-1)!.raw);
    expect(smtp.received.at(-1)!.to).toEqual(["partner@partner.example"]);
    expect(mail.subject).toBe(`Fwd: e2e forward ${RUN}`);
    expect(mail.attachments.find((item) => item.filename === "offer.bin")?.content.equals(FILE)).toBe(true);
  });

  test("moves, deletes and marks unread — on the server and in the view", async ({ page }) => {
    const moved = (await inboxMessage(`e2e move ${RUN}`))!;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${moved.uid}`);
    await page.getByTestId("message-move").selectOption({ label: "Archive / 2025" });
    await expect(page.getByTestId("message-view")).toHaveCount(0);
    expect(await inboxMessage(`e2e move ${RUN}`)).toBeUndefined();
    const archived = await withDemoImap(mailbox, async (client) => {
      const lock = await client.getMailboxLock("Archive/2025");
      try {
        return (await client.search({ subject: `e2e move ${RUN}` }, { uid: true })) || [];
      } finally {
        lock.release();
      }
    });
    expect(archived).toHaveLength(1);

    const deleted = (await inboxMessage(`e2e delete ${RUN}`))!;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${deleted.uid}`);
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("message-view")).toHaveCount(0);
    const [trash] = await e2eQuery<{ id: number }>(
      `SELECT id FROM "MailFolder" WHERE "mailboxId" = $1 AND path = 'Trash'`,
      [mailbox.id],
    );
    expect((await messagesIn(trash!.id)).some((row) => row.subject === `e2e delete ${RUN}`)).toBe(true);

    const unread = (await inboxMessage(`e2e unread ${RUN}`))!;
    await page.goto(`/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${unread.uid}`);
    await expect.poll(async () => (await inboxMessage(`e2e unread ${RUN}`))?.seen).toBe(true);
    await page.getByRole("button", { name: "Mark as unread" }).click();
    await expect(page.getByTestId("message-view")).toHaveCount(0);
    await expect.poll(async () => (await inboxMessage(`e2e unread ${RUN}`))?.seen).toBe(false);
    const flags = await withDemoImap(mailbox, async (client) => {
      const lock = await client.getMailboxLock("INBOX");
      try {
        const found = await client.fetchOne(unread.uid, { flags: true }, { uid: true });
        return found ? found.flags : undefined;
      } finally {
        lock.release();
      }
    });
    expect(flags?.has("\\Seen")).toBe(false);
  });

  for (const locale of ["en", "ar"]) {
    test(`has no serious or critical accessibility violations (${locale})`, async ({ page }) => {
      const { uid } = (await inboxMessage(`e2e read ${RUN}`))!;
      const prefix = locale === "en" ? "" : `/${locale}`;
      for (const path of [
        `/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${uid}`,
        `/webmail/mail/compose?mailbox=${mailbox.id}`,
      ]) {
        await page.goto(`${prefix}${path}`);
        if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        // The frame's content is the sender's HTML, and a sandbox without scripts admits no checker:
        // the console's part of it is the frame element and its accessible name.
        const frame = page.getByTestId("message-frame");
        if (await frame.count()) await expect(frame).toHaveAttribute("title", /\S/);
        const results = await new AxeBuilder({ page }).exclude("[data-testid=message-frame]").analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
    });
  }
});

test.describe("no reading by rank", () => {
  for (const role of ["admin", "headSales", "telephony", "external"] as Role[]) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: storageStateOf(role) });
      test("every mail route and API of the employee's mailbox answers 404 with none of its mail", async ({
        request,
      }) => {
        const { uid } = (await inboxMessage(`e2e read ${RUN}`))!;
        const ref = `mailbox=${mailbox.id}&folder=${inboxId}&uid=${uid}`;
        for (const path of [
          `/webmail/mail?mailbox=${mailbox.id}`,
          `/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${uid}`,
          `/webmail/mail/compose?mailbox=${mailbox.id}`,
          `/webmail/mail/compose?mailbox=${mailbox.id}&folder=${inboxId}&uid=${uid}&mode=reply`,
          `/api/webmail/frame?${ref}`,
          `/api/webmail/attachment?${ref}&part=2`,
        ]) {
          const response = await request.get(path, { maxRedirects: 0 });
          expect(response.status(), path).toBe(404);
          expect(await response.text(), path).not.toMatch(/e2e read|Hello from|anna@customer/);
        }
      });
    });
  }
});

test.describe("a user the mailbox is shared with", () => {
  test.use({ storageState: storageStateOf("headSales") });

  test("reads, replies, makes a task and files while the share lasts, and is out again when it is removed", async ({
    page,
    request,
  }) => {
    const [head] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = 'head.sales@demo.test'`);
    await e2eQuery(
      `INSERT INTO "MailboxAccess" ("mailboxId", "subjectKind", "subjectRefId") VALUES ($1, 'USER', $2) ON CONFLICT DO NOTHING`,
      [mailbox.id, head!.id],
    );
    const shared = (await inboxMessage(`e2e shared ${RUN}`))!;
    const opened = `/webmail/mail?mailbox=${mailbox.id}&folder=${inboxId}&message=${shared.uid}`;
    try {
      await page.goto(opened);
      await expect(
        page.frameLocator("[data-testid=message-frame]").getByText("Hello from the shared test."),
      ).toBeVisible();
      await page.getByRole("button", { name: "Flag", exact: true }).click();
      await expect
        .poll(
          async () =>
            (
              await e2eQuery<{ flagged: boolean }>(
                `SELECT flagged FROM "MailMessage" WHERE "folderId" = $1 AND uid = $2`,
                [inboxId, shared.uid],
              )
            )[0]?.flagged,
        )
        .toBe(true);
      // Replies as the mailbox, makes a task of the message, and files it.
      await page.getByRole("link", { name: "Reply", exact: true }).click();
      // The compose page, not the mail view (whose regions are labelled "Message" too).
      await expect(page.getByLabel("Subject")).toHaveValue(`Re: e2e shared ${RUN}`);
      await page.getByLabel("Message").fill("Answered by Sofia.");
      const before = smtp.received.length;
      await page.getByRole("button", { name: "Send" }).click();
      await expect.poll(() => smtp.received.length).toBe(before + 1);
      const reply = await simpleParser(smtp.received.at(-1)!.raw);
      expect(reply.from?.value[0]).toMatchObject({ name: "Jonas (Sales)", address: mailbox.email });
      expect(reply.text).toContain("Answered by Sofia.");
      await page.goto(opened);
      await page.getByTestId("new-task").click();
      await page.getByTestId("save-task").click();
      await expect
        .poll(
          async () =>
            (
              await e2eQuery<{ count: number }>(
                `SELECT count(*)::int AS count FROM "CrmTask" WHERE title = $1 AND "responsibleId" = $2 AND "mailboxId" = $3`,
                [`e2e shared ${RUN}`, head!.id, mailbox.id],
              )
            )[0]?.count,
        )
        .toBe(1);
      await page.keyboard.press("Escape");
      await page.getByTestId("message-move").selectOption({ label: "Archive / 2025" });
      await expect(page.getByTestId("message-view")).toHaveCount(0);
      expect(await inboxMessage(`e2e shared ${RUN}`)).toBeUndefined();
    } finally {
      await e2eQuery(
        `DELETE FROM "MailboxAccess" WHERE "mailboxId" = $1 AND "subjectKind" = 'USER' AND "subjectRefId" = $2`,
        [mailbox.id, head!.id],
      );
    }
    expect((await request.get(`/webmail/mail?mailbox=${mailbox.id}`, { maxRedirects: 0 })).status()).toBe(404);
    expect(
      (await request.get(`/api/webmail/frame?mailbox=${mailbox.id}&folder=${inboxId}&uid=${shared.uid}`)).status(),
    ).toBe(404);
  });
});
