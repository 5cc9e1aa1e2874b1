// Reading and organising against a real Dovecot: bodies fetched on demand and parsed, read-marks and
// every organising action visible on the server (doveadm) and surviving the next sync unchanged,
// attachments byte for byte, and no mail for anyone but the owner and the users with access.
import { randomBytes } from "node:crypto";
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../../scripts/lib/dovecot.ts";
import { createImapMailbox, createUser, storedSnapshot } from "../../../tests/factories.ts";
import { loadAccess } from "../../access/access.ts";
import { db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { syncMailbox } from "../sync/mailbox-sync.ts";
import { openAttachment } from "./attachment.ts";
import { frameDocument } from "./frame.ts";
import { messagePage } from "./list.ts";
import { deleteMessages, moveMessages, setFlag } from "./organise.ts";
import { openMessage } from "./read.ts";

const USER = "reader@test.local";
const PASSWORD = "reader-secret";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const BINARY = randomBytes(300_000);

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

async function append(dovecot: Dovecot, folder: string, raw: Buffer, flags: string[] = []) {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: dovecot.port,
    secure: false,
    auth: { user: USER, pass: PASSWORD },
    logger: false,
  });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.append(folder, raw, flags);
  } finally {
    await client.logout();
  }
}

describe("webmail reader against Dovecot", () => {
  let dovecot: Dovecot;
  let mailboxId: number;
  let ownerId: number;
  let inboxId: number;
  const folderId = async (path: string) => (await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path } })).id;
  const serverFlags = async (folder: string) =>
    (await dovecot.doveadm(["-f", "flow", "fetch", "-u", USER, "uid flags", "mailbox", folder, "all"])).trim();
  const expectInSync = async () => {
    const report = await syncMailbox(db, mailboxId, { manual: true });
    expect(report.ok).toBe(true);
    expect(await storedSnapshot(db, mailboxId)).toEqual(await dovecot.snapshot(USER, PASSWORD));
  };

  beforeAll(async () => {
    dovecot = await Dovecot.start();
    await dovecot.addUser(USER, PASSWORD);
    await dovecot.seed(USER, "INBOX", [
      { subject: "Plain one", body: "See https://example.test/x or write to a@b.test" },
    ]);
    await append(
      dovecot,
      "INBOX",
      await compose({
        from: "Anna <anna@sender.test>",
        to: "Reader <reader@test.local>, Bob <bob@other.test>",
        subject: "Rich with picture",
        html: '<p onclick="alert(1)">Hello <img src="cid:logo@x"> <img src="https://tracker.test/p.gif"><script>alert(2)</script></p>',
        attachments: [
          { filename: "logo.png", content: PNG, cid: "logo@x" },
          { filename: "data.bin", content: BINARY, contentType: "application/octet-stream" },
        ],
      }),
    );
    const owner = await createUser(db);
    ownerId = owner.id;
    mailboxId = (await createImapMailbox(db, owner.id, { port: dovecot.port, user: USER, password: PASSWORD })).id;
    expect((await syncMailbox(db, mailboxId)).ok).toBe(true);
    inboxId = await folderId("INBOX");
  });
  afterAll(() => dovecot?.stop());

  it("lists, searches by recipient and filters unread from the synced metadata", async () => {
    const all = await messagePage(db, { folderId: inboxId, page: 1, q: "", filter: "all" });
    expect(all.total).toBe(2);
    expect(all.items[0]!.subject).toBe("Rich with picture");
    const byRecipient = await messagePage(db, { folderId: inboxId, page: 1, q: "bob@other", filter: "all" });
    expect(byRecipient.items.map((item) => item.subject)).toEqual(["Rich with picture"]);
    const wildcard = await messagePage(db, { folderId: inboxId, page: 1, q: "%", filter: "all" });
    expect(wildcard.total).toBe(0);
    expect((await messagePage(db, { folderId: inboxId, page: 1, q: "", filter: "unread" })).total).toBe(2);
  });

  it("opens a message: parsed, sanitised, cid image inline, remote image blocked, marked read on the server first", async () => {
    const access = await loadAccess(db, ownerId);
    const message = await openMessage(db, access, { mailboxId, folderId: inboxId, uid: 2 }, { markSeen: true });
    expect(message.subject).toBe("Rich with picture");
    expect(message.to.map((person) => person.address)).toEqual(["reader@test.local", "bob@other.test"]);
    expect(message.attachments.map((item) => item.filename)).toEqual(["logo.png", "data.bin"]);
    const frame = frameDocument(message, false);
    expect(frame.blockedRemote).toBe(1);
    expect(frame.html).toContain("data:image/png;base64,");
    expect(frame.html).not.toMatch(/onclick|<script|alert|tracker\.test/);
    expect(frameDocument(message, true).html).toContain("https://tracker.test/p.gif");
    expect(await serverFlags("INBOX")).toMatch(/uid=2 flags=\\Seen/);
    const row = await db.mailMessage.findFirstOrThrow({ where: { folderId: inboxId, uid: 2 } });
    expect(row.seen).toBe(true);
    await expectInSync();
  });

  it("streams an attachment byte for byte", async () => {
    const access = await loadAccess(db, ownerId);
    const ref = { mailboxId, folderId: inboxId, uid: 2 };
    const listed = (await openMessage(db, access, ref, { markSeen: false })).attachments;
    const part = listed.find((item) => item.filename === "data.bin")!.part;
    const download = await openAttachment(db, access, ref, part);
    expect(download.filename).toBe("data.bin");
    const bytes = Buffer.from(await new Response(download.body).arrayBuffer());
    expect(bytes.equals(BINARY)).toBe(true);
    // The HTML body is a part too, but not an attachment: it is never served as a download.
    await expect(openAttachment(db, access, ref, "1.1")).rejects.toThrow(NotFoundError);
  });

  it("shows nothing to an admin or a head, and lets a shared user in until the share is removed", async () => {
    const admin = await createUser(db, { isPortalAdmin: true });
    const colleague = await createUser(db);
    const ref = { mailboxId, folderId: inboxId, uid: 1 };
    await expect(openMessage(db, await loadAccess(db, admin.id), ref, { markSeen: true })).rejects.toThrow(
      NotFoundError,
    );
    await expect(openMessage(db, await loadAccess(db, colleague.id), ref, { markSeen: true })).rejects.toThrow(
      NotFoundError,
    );
    const share = await db.mailboxAccess.create({
      data: { mailboxId, subjectKind: "USER", subjectRefId: colleague.id },
    });
    expect((await openMessage(db, await loadAccess(db, colleague.id), ref, { markSeen: false })).subject).toBe(
      "Plain one",
    );
    await db.mailboxAccess.deleteMany({ where: { mailboxId: share.mailboxId } });
    await expect(openMessage(db, await loadAccess(db, colleague.id), ref, { markSeen: false })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      setFlag(db, await loadAccess(db, admin.id), { mailboxId, folderId: inboxId, uids: [1] }, "\\Flagged", true),
    ).rejects.toThrow(NotFoundError);
    expect(await serverFlags("INBOX")).not.toMatch(/1 \\Flagged/);
  });

  it("marks unread and flags on the server, then in the database; the next sync agrees", async () => {
    const access = await loadAccess(db, ownerId);
    await setFlag(db, access, { mailboxId, folderId: inboxId, uids: [2] }, "\\Seen", false);
    await setFlag(db, access, { mailboxId, folderId: inboxId, uids: [1, 2] }, "\\Flagged", true);
    const flags = await serverFlags("INBOX");
    expect(flags).toMatch(/uid=1 flags=\\Flagged/);
    expect(flags).toMatch(/uid=2 flags=\\Flagged\n?/);
    expect(flags).not.toMatch(/Seen/);
    await expectInSync();
  });

  it("moves, deletes to Trash and from Trash for good; nothing duplicated or resurrected by the sync", async () => {
    const access = await loadAccess(db, ownerId);
    const archive = await db.mailFolder.create({ data: { mailboxId, path: "Archive", name: "Archive" } });
    await dovecot.doveadm(["mailbox", "create", "-u", USER, "Archive"]);
    await moveMessages(db, access, { mailboxId, folderId: inboxId, uids: [1] }, archive.id);
    expect(await serverFlags("INBOX")).not.toMatch(/uid=1 /);
    expect(await db.mailMessage.count({ where: { folderId: archive.id } })).toBe(1);
    await expectInSync();
    expect(await deleteMessages(db, access, { mailboxId, folderId: inboxId, uids: [2] })).toBe("trash");
    const trashId = await folderId("Trash");
    expect(await db.mailMessage.count({ where: { folderId: trashId } })).toBe(1);
    await expectInSync();
    const [trashed] = await db.mailMessage.findMany({ where: { folderId: trashId } });
    expect(await deleteMessages(db, access, { mailboxId, folderId: trashId, uids: [Number(trashed!.uid)] })).toBe(
      "expunged",
    );
    expect((await serverFlags("Trash")).trim()).toBe("");
    await expectInSync();
    expect(await db.mailMessage.count({ where: { folder: { mailboxId } } })).toBe(1);
  });
});
