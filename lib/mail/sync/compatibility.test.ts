// The sync against servers that send only what RFC 3501 requires: a real Dovecot behind a proxy
// that takes away capabilities (CONDSTORE, QRESYNC, LIST-STATUS, STATUS=SIZE, ...) and the optional
// response codes of SELECT, as Courier IMAP does. Each step ends with the database equal to the
// server: messages and flags, unread counts and disk usage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot, type SeedMessage } from "../../../scripts/lib/dovecot.ts";
import { createImapMailbox, createUser, storedSnapshot } from "../../../tests/factories.ts";
import { ImapRewriter, type RewriteProfile, rewriteResponse } from "../../../tests/fixtures/imap-rewriter.ts";
import { db } from "../../db.ts";
import { uidSet } from "./fetch-window.ts";
import { syncMailbox } from "./mailbox-sync.ts";

const USER = "compat@test.local";
const PASSWORD = "compat-secret";
const messages = (count: number, offset = 0): SeedMessage[] =>
  Array.from({ length: count }, (_, index) => ({
    subject: `Compat ${offset + index}`,
    padding: ((offset + index) % 9) * 211,
    flags: (offset + index) % 3 === 0 ? ["S"] : (offset + index) % 7 === 0 ? ["F", "S"] : [],
  }));

it("helpers: UID sets are ranges; the bare profile strips what it should", () => {
  expect(uidSet([9, 1, 2, 3, 7, 10])).toBe("1:3,7,9:10");
  expect(uidSet([])).toBe("");
  const bare: RewriteProfile = { bare: true };
  expect(rewriteResponse("* OK [UIDNEXT 12] Predicted next UID\r\n", bare)).toBeNull();
  expect(rewriteResponse("* CAPABILITY IMAP4rev1 CONDSTORE QRESYNC LIST-STATUS STATUS=SIZE IDLE\r\n", bare)).toBe(
    "* CAPABILITY IMAP4rev1 IDLE\r\n",
  );
  expect(rewriteResponse('* STATUS "INBOX" (MESSAGES 3 UIDNEXT 4 UNSEEN 1)\r\n', { noStatusUidNext: true })).toBe(
    '* STATUS "INBOX" (MESSAGES 3 UNSEEN 1)\r\n',
  );
});

const PROFILES: [string, RewriteProfile][] = [
  ["bare IMAP4rev1 (like Courier IMAP 5)", { bare: true }],
  [
    "bare, STATUS without UIDNEXT and SELECT without UIDVALIDITY",
    { bare: true, noStatusUidNext: true, noSelectUidValidity: true },
  ],
];

for (const [name, profile] of PROFILES) {
  describe(`sync against a server that is ${name}`, () => {
    let dovecot: Dovecot;
    let proxy: ImapRewriter;
    let mailboxId: number;
    const sync = (manual = false) => syncMailbox(db, mailboxId, { windowSize: 50, manual });

    async function expectInSync() {
      expect(await storedSnapshot(db, mailboxId)).toEqual(await dovecot.snapshot(USER, PASSWORD));
      const facts = await dovecot.folderFacts(USER, PASSWORD);
      const folders = await db.mailFolder.findMany({ where: { mailboxId } });
      expect(folders.map((folder) => folder.path).sort()).toEqual(Object.keys(facts).sort());
      let unread = 0;
      let disk = 0;
      for (const folder of folders) {
        const server = facts[folder.path]!;
        expect({
          path: folder.path,
          messages: folder.messages,
          unseen: folder.unseen,
          size: Number(folder.sizeBytes),
        }).toEqual({ path: folder.path, ...server });
        if (folder.specialUse !== "\\Trash" && folder.specialUse !== "\\Junk") unread += server.unseen;
        disk += server.size;
      }
      const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
      expect({ unread: mailbox.unreadCount, disk: Number(mailbox.diskBytes), status: mailbox.status }).toEqual({
        unread,
        disk,
        status: "OK",
      });
    }

    beforeAll(async () => {
      dovecot = await Dovecot.start();
      proxy = await ImapRewriter.start(dovecot.port, profile);
      await dovecot.addUser(USER, PASSWORD);
      await dovecot.seed(USER, "INBOX", messages(260));
      await dovecot.seed(USER, "Sent", messages(20, 1000));
      await dovecot.seed(USER, "Archive/2024", messages(40, 2000));
      await dovecot.seed(USER, "Empty", []);
      const owner = await createUser(db);
      mailboxId = (await createImapMailbox(db, owner.id, { port: proxy.port, user: USER, password: PASSWORD })).id;
    });
    afterAll(async () => {
      await proxy?.stop();
      await dovecot?.stop();
    });

    it("first sync: every folder in plain mode, nothing assumed that the server did not send", async () => {
      const report = await sync();
      expect(report.error).toBeUndefined();
      expect(report.ok).toBe(true);
      const modes = await db.mailFolder.findMany({ where: { mailboxId }, select: { mode: true } });
      expect(new Set(modes.map((folder) => folder.mode))).toEqual(new Set(["PLAIN"]));
      // The proxy really took the extensions away.
      expect(proxy.commands.some((line) => /\bENABLE\b|\bCHANGEDSINCE\b|RETURN \(STATUS/i.test(line))).toBe(false);
      await expectInSync();
    });

    it("new, changed and deleted messages arrive; a manual sync rescans flags", async () => {
      await dovecot.seed(USER, "INBOX", messages(35, 300));
      await dovecot.doveadm(["flags", "add", "-u", USER, "\\Flagged \\Seen", "mailbox", "INBOX", "uid", "5:20"]);
      await dovecot.doveadm(["expunge", "-u", USER, "mailbox", "INBOX", "uid", "30:44"]);
      await dovecot.doveadm(["expunge", "-u", USER, "mailbox", "Sent", "uid", "1:3"]);
      const report = await sync(true);
      expect(report.error).toBeUndefined();
      // The rescan compared every message's size and Message-ID: nothing looked renumbered.
      expect(report.folders).toMatchObject({
        INBOX: "incremental",
        Sent: "incremental",
        "Archive/2024": "incremental",
      });
      await expectInSync();
    });

    it("an empty folder is not reopened when the hourly rescan is due; the rescan time moves on", async () => {
      await db.mailFolder.updateMany({
        where: { mailboxId },
        data: { lastFlagRescanAt: new Date(Date.now() - 2 * 3_600_000) },
      });
      const before = proxy.commands.length;
      expect((await sync()).error).toBeUndefined();
      expect(proxy.opened("Empty", before)).toBe(0);
      expect(proxy.opened("INBOX", before)).toBe(1); // its rescan was due
      const inbox = await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "INBOX" } });
      expect(Date.now() - inbox.lastFlagRescanAt!.getTime()).toBeLessThan(60_000);
      const again = proxy.commands.length;
      expect((await sync()).error).toBeUndefined();
      expect(proxy.opened("Empty", again)).toBe(0);
      // Without UIDNEXT in STATUS, only SELECT tells whether a folder with messages changed.
      expect(proxy.opened("INBOX", again)).toBe(profile.noStatusUidNext ? 1 : 0);
      await expectInSync();
    });

    it("an empty folder whose UIDVALIDITY changes on every sync is never flagged unstable", async () => {
      for (let round = 1; round <= 7; round += 1) {
        await dovecot.doveadm(["mailbox", "update", "-u", USER, "--uid-validity", String(5000 + round), "Empty"]);
        const report = await sync();
        expect(report.error).toBeUndefined();
        expect(report.folders.Empty).not.toBe("unstable");
      }
      const empty = await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "Empty" } });
      expect({ error: empty.error, resets: empty.uidValidityResets, validity: empty.uidValidity }).toEqual({
        error: null,
        resets: 0,
        validity: 5007n,
      });
      await expectInSync();
    });

    it("a folder with messages whose UIDVALIDITY changes is synced anew", async () => {
      await dovecot.doveadm(["mailbox", "update", "-u", USER, "--uid-validity", "777", "Sent"]);
      const report = await sync();
      expect(report.folders.Sent).toBe("reset");
      await expectInSync();
    });

    it("UIDs renumbered under an unchanged UIDVALIDITY are caught by the rescan and synced anew", async () => {
      const archive = await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "Archive/2024" } });
      await dovecot.renumberKeepingUidValidity(USER, "Archive/2024");
      // Same UIDVALIDITY, same UIDNEXT, same count: only looking at the messages tells.
      const report = await sync(true);
      expect(report.folders["Archive/2024"]).toBe("reset");
      const after = await db.mailFolder.findFirstOrThrow({ where: { mailboxId, path: "Archive/2024" } });
      expect(after.uidValidity).toBe(archive.uidValidity);
      await expectInSync();
    });
  });
}
