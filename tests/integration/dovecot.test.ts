import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";

describe("Dovecot fixture", () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await Dovecot.start();
    await dovecot.addUser("anna@test.local", "secret1");
    await dovecot.seed("anna@test.local", "INBOX", [
      { subject: "Welcome", flags: ["S"] },
      { subject: "Unread one" },
      { subject: "Unread two", padding: 2000 },
    ]);
  });
  afterAll(() => dovecot?.stop());

  it("serves a real IMAP login and the seeded messages", async () => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      auth: { user: "anna@test.local", pass: "secret1" },
      logger: false,
    });
    await client.connect();
    const status = await client.status("INBOX", { messages: true, unseen: true });
    expect(status).toMatchObject({ messages: 3, unseen: 2 });
    const folders = (await client.list()).map((folder) => folder.path).sort();
    expect(folders).toEqual(["INBOX", "Junk", "Sent", "Trash"]);
    await client.logout();
  });

  it("refuses a wrong password", async () => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      auth: { user: "anna@test.local", pass: "wrong" },
      logger: false,
    });
    client.on("error", () => undefined);
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
  });

  it("changes mail like another client would (doveadm)", async () => {
    await dovecot.doveadm(["flags", "add", "-u", "anna@test.local", "\\Seen", "mailbox", "INBOX", "ALL"]);
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      auth: { user: "anna@test.local", pass: "secret1" },
      logger: false,
    });
    await client.connect();
    expect(await client.status("INBOX", { unseen: true })).toMatchObject({ unseen: 0 });
    await client.logout();
  });
});
