import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot, type SeedMessage } from "../../../scripts/lib/dovecot.ts";
import { createImapMailbox, createUser, storedSnapshot } from "../../../tests/factories.ts";
import { db } from "../../db.ts";
import { syncMailbox } from "./mailbox-sync.ts";

const USER = "sync@test.local";
const PASSWORD = "sync-secret";

const messages = (count: number, make: (index: number) => Partial<SeedMessage> = () => ({})): SeedMessage[] =>
  Array.from({ length: count }, (_, index) => ({
    subject: `Message ${index}`,
    padding: (index % 7) * 300,
    ...make(index),
  }));

/** STATUS of every folder as the server reports it, to check the counters we keep. */
async function serverTotals(dovecot: Dovecot) {
  const out = await dovecot.doveadm(["-f", "tab", "mailbox", "status", "-u", USER, "messages unseen vsize", "*"]);
  // columns: mailbox, messages, unseen, vsize
  const rows = out
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t").slice(1).map(Number));
  return { messages: rows.reduce((sum, row) => sum + row[0]!, 0), size: rows.reduce((sum, row) => sum + row[2]!, 0) };
}

for (const extensions of ["all", "condstore", "plain"] as const) {
  const expectedMode = { all: "QRESYNC", condstore: "CONDSTORE", plain: "PLAIN" }[extensions];

  describe(`mailbox sync against Dovecot (${expectedMode})`, () => {
    let dovecot: Dovecot;
    let mailboxId: number;
    const sync = (manual = false) => syncMailbox(db, mailboxId, { windowSize: 64, manual });
    const expectInSync = async () =>
      expect(await storedSnapshot(db, mailboxId)).toEqual(await dovecot.snapshot(USER, PASSWORD));

    beforeAll(async () => {
      dovecot = await Dovecot.start({ extensions });
      await dovecot.addUser(USER, PASSWORD);
      await dovecot.seed(
        USER,
        "INBOX",
        messages(300, (index) => ({ flags: index % 3 === 0 ? ["S"] : index % 10 === 1 ? ["F"] : [] })),
      );
      await dovecot.seed(
        USER,
        "Sent",
        messages(20, () => ({ flags: ["S"] })),
      );
      await dovecot.seed(USER, "Archive/2024", messages(12));
      await dovecot.seed(USER, "Junk", messages(4));
      const owner = await createUser(db);
      mailboxId = (await createImapMailbox(db, owner.id, { port: dovecot.port, user: USER, password: PASSWORD })).id;
    });
    afterAll(() => dovecot?.stop());

    it("full sync: every folder and message, in windows, with the counters the grid shows", async () => {
      const report = await sync();
      expect(report).toMatchObject({ ok: true, folders: { INBOX: "full", Sent: "full", "Archive/2024": "full" } });
      await expectInSync();
      const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
      const totals = await serverTotals(dovecot);
      expect(mailbox).toMatchObject({
        status: "OK",
        syncState: "IDLE",
        messageCount: totals.messages,
        lastError: null,
      });
      // Unread leaves out Junk: INBOX has 200 unseen, Archive 12, Sent none.
      expect(mailbox.unreadCount).toBe(212);
      if (extensions === "all") expect(Number(mailbox.diskBytes)).toBe(totals.size);
      else expect(Number(mailbox.diskBytes)).toBeGreaterThan(0);
      const modes = await db.mailFolder.findMany({ where: { mailboxId }, select: { mode: true } });
      expect(new Set(modes.map((folder) => folder.mode))).toEqual(new Set([expectedMode]));
    });

    it("a second sync with nothing changed touches no folder", async () => {
      const report = await sync();
      expect(Object.values(report.folders).every((outcome) => outcome === "unchanged")).toBe(true);
      await expectInSync();
    });

    it("picks up flag changes made by another client", async () => {
      await dovecot.doveadm(["flags", "add", "-u", USER, "\\Seen", "mailbox", "INBOX", "uid", "2:40"]);
      await dovecot.doveadm(["flags", "remove", "-u", USER, "\\Seen", "mailbox", "INBOX", "uid", "1"]);
      await dovecot.doveadm(["flags", "add", "-u", USER, "\\Flagged", "mailbox", "Sent", "uid", "3"]);
      // Plain IMAP servers report flag changes to nobody: they are rescanned on "Sync now".
      await sync(extensions === "plain");
      await expectInSync();
      expect((await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).unreadCount).toBe(212 - 26 + 1);
    });

    it("picks up new messages, expunges and moves", async () => {
      await dovecot.seed(
        USER,
        "INBOX",
        messages(70, (index) => ({ subject: `New ${index}` })),
      );
      await dovecot.doveadm(["expunge", "-u", USER, "mailbox", "INBOX", "uid", "5:15"]);
      await dovecot.doveadm(["move", "-u", USER, "Archive/2024", "mailbox", "INBOX", "uid", "100:119"]);
      const report = await sync();
      expect(report.folders.INBOX).toBe("incremental");
      await expectInSync();
      const archived = await db.mailMessage.count({ where: { folder: { mailboxId, path: "Archive/2024" } } });
      expect(archived).toBe(32);
    });

    it("starts a folder over when its UIDVALIDITY changes", async () => {
      await dovecot.doveadm(["mailbox", "update", "-u", USER, "--uid-validity", "4242", "Sent"]);
      const report = await sync();
      expect(report.folders.Sent).toBe("reset");
      await expectInSync();
      expect((await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "Sent" } })).uidValidity).toBe(4242n);
    });
  });
}

describe("sync period", () => {
  let dovecot: Dovecot;
  afterAll(() => dovecot?.stop());

  it("stores only messages inside the first-fetch period, then everything new", async () => {
    dovecot = await Dovecot.start();
    await dovecot.addUser(USER, PASSWORD);
    const old = new Date(Date.now() - 40 * 86_400_000);
    await dovecot.seed(USER, "INBOX", [...messages(30, () => ({ date: old })), ...messages(5)]);
    const owner = await createUser(db);
    const mailbox = await createImapMailbox(
      db,
      owner.id,
      { port: dovecot.port, user: USER, password: PASSWORD },
      { syncPeriodDays: 7 },
    );
    expect((await syncMailbox(db, mailbox.id)).ok).toBe(true);
    const inbox = await db.mailFolder.findFirstOrThrow({
      where: { mailboxId: mailbox.id, path: "INBOX" },
      include: { _count: { select: { messagesStored: true } } },
    });
    expect(inbox._count.messagesStored).toBe(5);
    expect(inbox.messages).toBe(35);
    await dovecot.seed(USER, "INBOX", messages(3));
    await dovecot.doveadm(["expunge", "-u", USER, "mailbox", "INBOX", "uid", "33"]);
    await syncMailbox(db, mailbox.id);
    expect(await db.mailMessage.count({ where: { folderId: inbox.id } })).toBe(7);
  });
});
