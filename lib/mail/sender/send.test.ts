// Sending against real servers: an smtp-server peer receives the message (sender name, signature,
// threading headers, attachments byte for byte), Dovecot holds the Sent copy, the daily limit refuses.
import { randomBytes } from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../../scripts/lib/dovecot.ts";
import { createImapMailbox, createUser } from "../../../tests/factories.ts";
import { SmtpPeer } from "../../../tests/fixtures/smtp.ts";
import { loadAccess } from "../../access/access.ts";
import { db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { openMessage } from "../reader/read.ts";
import { encryptSecret, secretContext } from "../secrets.ts";
import { syncMailbox } from "../sync/mailbox-sync.ts";
import { sendMessage } from "./send.ts";

const USER = "sender@test.local";
const PASSWORD = "sender-secret";

describe("sending from a mailbox", () => {
  let dovecot: Dovecot;
  let smtp: SmtpPeer;
  let mailboxId: number;
  let ownerId: number;
  let inboxId: number;

  beforeAll(async () => {
    dovecot = await Dovecot.start();
    await dovecot.addUser(USER, PASSWORD);
    await dovecot.seed(USER, "INBOX", [
      { from: "Anna <anna@client.test>", subject: "Question", body: "Can you send the file?" },
    ]);
    smtp = await SmtpPeer.start();
    smtp.addUser(USER, PASSWORD);
    const owner = await createUser(db);
    ownerId = owner.id;
    const mailbox = await createImapMailbox(db, owner.id, { port: dovecot.port, user: USER, password: PASSWORD });
    mailboxId = (
      await db.mailbox.update({
        where: { id: mailbox.id },
        data: {
          smtpEnabled: true,
          smtpHost: "127.0.0.1",
          smtpPort: smtp.port,
          smtpSecurity: "NONE",
          smtpPasswordEnc: encryptSecret(PASSWORD, secretContext(mailbox.id, "smtpPassword")),
          senderName: "Jonas from Sales",
          signatureHtml: "<p><b>Jonas Weber</b><br>Northwind Sales</p>",
          dailySendLimit: 2,
        },
      })
    ).id;
    expect((await syncMailbox(db, mailboxId)).ok).toBe(true);
    inboxId = (await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "INBOX" } })).id;
  });
  afterAll(async () => {
    await smtp?.stop();
    await dovecot?.stop();
  });

  it("replies with sender name, signature, threading headers and an attachment; the copy is in Sent", async () => {
    const access = await loadAccess(db, ownerId);
    const original = await openMessage(db, access, { mailboxId, folderId: inboxId, uid: 1 }, { markSeen: false });
    const file = randomBytes(200_000);
    const result = await sendMessage(db, access, {
      mailboxId,
      to: ["anna@client.test"],
      cc: [],
      bcc: ["boss@client.test"],
      subject: "Re: Question",
      body: "Here it is.",
      attachments: [{ filename: "offer.pdf", contentType: "application/pdf", content: file }],
      original: { folderId: inboxId, uid: 1, mode: "reply" },
    });
    expect(result.savedCopy).toBe(true);
    const received = smtp.received.at(-1)!;
    expect(received.to.sort()).toEqual(["anna@client.test", "boss@client.test"]);
    const mail = await simpleParser(received.raw);
    expect(mail.from?.value[0]).toMatchObject({ name: "Jonas from Sales", address: USER });
    expect(mail.inReplyTo).toBe(original.messageId);
    expect(mail.references).toContain(original.messageId!);
    expect(mail.text).toContain("Here it is.");
    expect(mail.text).toContain("Jonas Weber");
    expect(mail.html).toContain("<b>Jonas Weber</b>");
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.attachments[0]!.content.equals(file)).toBe(true);
    const sent = await dovecot.doveadm([
      "-f",
      "flow",
      "fetch",
      "-u",
      USER,
      "hdr.message-id flags",
      "mailbox",
      "Sent",
      "all",
    ]);
    expect(sent).toContain(result.messageId);
    expect(sent).toContain("\\Seen");
  });

  it("refuses the send after the daily limit, with a clear error, and sends nothing", async () => {
    const access = await loadAccess(db, ownerId);
    const input = { mailboxId, to: ["x@client.test"], cc: [], bcc: [], subject: "Two", body: "b", attachments: [] };
    await sendMessage(db, access, input);
    const before = smtp.received.length;
    await expect(sendMessage(db, access, input)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { _: "dailyLimitReached" },
    });
    expect(smtp.received.length).toBe(before);
  });

  it("forwards the original's attachments byte for byte, with the writer's own", async () => {
    const file = randomBytes(120_000);
    await dovecot.seedRaw(USER, "INBOX", [
      {
        raw: [
          "From: Anna <anna@client.test>",
          `To: ${USER}`,
          "Subject: The contract",
          "Message-ID: <contract@client.test>",
          "MIME-Version: 1.0",
          'Content-Type: multipart/mixed; boundary="b1"',
          "",
          "--b1",
          "Content-Type: text/plain; charset=utf-8",
          "",
          "Attached.",
          "--b1",
          'Content-Type: application/pdf; name="contract.pdf"',
          'Content-Disposition: attachment; filename="contract.pdf"',
          "Content-Transfer-Encoding: base64",
          "",
          ...(file.toString("base64").match(/.{1,76}/g) ?? []),
          "--b1--",
          "",
        ].join("\r\n"),
      },
    ]);
    expect((await syncMailbox(db, mailboxId)).ok).toBe(true);
    const message = await db.mailMessage.findFirstOrThrow({ where: { folderId: inboxId, subject: "The contract" } });
    await db.mailbox.update({ where: { id: mailboxId }, data: { dailySendLimit: null } });
    const own = randomBytes(1000);
    await sendMessage(db, await loadAccess(db, ownerId), {
      mailboxId,
      to: ["partner@partner.test"],
      cc: [],
      bcc: [],
      subject: "Fwd: The contract",
      body: "For you.",
      attachments: [{ filename: "note.bin", contentType: "application/octet-stream", content: own }],
      original: { folderId: inboxId, uid: Number(message.uid), mode: "forward" },
    });
    const mail = await simpleParser(smtp.received.at(-1)!.raw);
    expect(mail.attachments.map((item) => item.filename)).toEqual(["contract.pdf", "note.bin"]);
    expect(mail.attachments[0]!.content.equals(file)).toBe(true);
    expect(mail.attachments[1]!.content.equals(own)).toBe(true);
  });

  it("does not let anyone but the owner and users with access send from the mailbox", async () => {
    const admin = await createUser(db, { isPortalAdmin: true });
    const input = { mailboxId, to: ["x@client.test"], cc: [], bcc: [], subject: "No", body: "b", attachments: [] };
    await expect(sendMessage(db, await loadAccess(db, admin.id), input)).rejects.toThrow(NotFoundError);
  });
});
