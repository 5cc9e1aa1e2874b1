import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { addMembers, createDepartment, createRole, createUser } from "../../tests/factories.ts";
import { startCredentialTrap } from "../../tests/fixtures/credential-trap.ts";
import { SmtpPeer } from "../../tests/fixtures/smtp.ts";
import { loadAccess } from "../access/access.ts";
import { LEVEL, WEBMAIL } from "../access/catalog.ts";
import { ensureDefaultRoles } from "../access/defaults.ts";
import { db } from "../db.ts";
import { decryptSecret, secretContext } from "../mail/secrets.ts";
import { processBulkConnect, startBulkConnect } from "./bulk-connect.ts";
import { connectMailbox } from "./connect.ts";
import { bulkConnectInput, connectMailboxInput } from "./schemas.ts";
import { disconnectMailbox, updateConnection, updateGeneral, updateSharing } from "./settings.ts";

const DOMAIN = "northwind.test";
const FAST = { connectionMs: 3000, greetingMs: 3000, socketMs: 5000 };

describe("connecting and managing mailboxes (real Dovecot and SMTP, real access rules)", () => {
  let dovecot: Dovecot;
  let smtp: SmtpPeer;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    [dovecot, smtp] = await Promise.all([Dovecot.start(), SmtpPeer.start()]);
    await ensureDefaultRoles(db);
    for (const name of ["head", "anna", "bruno", "carla", "finn"]) {
      ids[name] = (await createUser(db, { email: `${name}@staff.test`, firstName: name, lastName: "Test" })).id;
      await dovecot.addUser(`${name}@${DOMAIN}`, `${name}-pw`);
      smtp.addUser(`${name}@${DOMAIN}`, `${name}-pw`);
    }
    const sales = await createDepartment(db, { name: "Sales", headId: ids.head });
    const salesDe = await createDepartment(db, { name: "Sales DE", parentId: sales.id });
    const finance = await createDepartment(db, { name: "Finance" });
    await addMembers(db, salesDe.id, [ids.anna!, ids.bruno!, ids.carla!]);
    await addMembers(db, finance.id, [ids.finn!]);
    // The head of Sales may edit (and connect) mailboxes of the whole Sales tree.
    await createRole(db, "WEBMAIL", { [WEBMAIL.editMailboxes.key]: LEVEL.MID }, [{ kind: "USER", refId: ids.head }]);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.stop()]);
  });

  const input = (ownerId: number, name: string, password = `${name}-pw`) =>
    connectMailboxInput.parse({
      ownerId,
      email: `${name}@${DOMAIN}`,
      imapHost: "127.0.0.1",
      imapPort: dovecot.port,
      imapSecurity: "NONE",
      imapLogin: `${name}@${DOMAIN}`,
      imapPassword: password,
      smtpEnabled: true,
      smtpHost: "127.0.0.1",
      smtpPort: smtp.port,
      smtpSecurity: "NONE",
      syncPeriod: "7",
      saveSentCopy: true,
    });
  const as = (name: string) => loadAccess(db, ids[name]!);

  it("an employee connects their own mailbox: tested, stored encrypted, audited without the password", async () => {
    const { id } = await connectMailbox(db, await as("anna"), input(ids.anna!, "anna"), { timeouts: FAST });
    const stored = await db.mailbox.findUniqueOrThrow({ where: { id }, omit: { imapPasswordEnc: false } });
    expect(stored).toMatchObject({
      ownerId: ids.anna,
      status: "PENDING",
      autoSync: true,
      syncPeriodDays: 7,
      connectedById: ids.anna,
    });
    expect(stored.imapPasswordEnc).not.toContain("anna-pw");
    expect(decryptSecret(stored.imapPasswordEnc, secretContext(id, "imapPassword"))).toBe("anna-pw");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Mailbox", entityId: String(id), action: "mailbox.connect" },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("anna-pw");
    // The client omits stored secrets from ordinary queries.
    expect(Object.keys(await db.mailbox.findUniqueOrThrow({ where: { id } }))).not.toContain("imapPasswordEnc");
  });

  it("refuses the same mailbox twice for one person", async () => {
    await expect(
      connectMailbox(db, await as("anna"), input(ids.anna!, "anna"), { timeouts: FAST }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: "alreadyConnected" },
    });
  });

  it("reports a wrong password precisely and saves nothing", async () => {
    const before = await db.mailbox.count();
    await expect(
      connectMailbox(db, await as("bruno"), input(ids.bruno!, "bruno", "wrong"), { timeouts: FAST }),
    ).rejects.toMatchObject({
      code: "CONNECTION_FAILED",
      details: { server: "imap", mailCode: "AUTH_FAILED" },
    });
    expect(await db.mailbox.count()).toBe(before);
  });

  it("connects for others only within one's edit scope, and tells the owner", async () => {
    await expect(
      connectMailbox(db, await as("anna"), input(ids.bruno!, "bruno"), { timeouts: FAST }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      connectMailbox(db, await as("head"), input(ids.finn!, "finn"), { timeouts: FAST }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await connectMailbox(db, await as("head"), input(ids.bruno!, "bruno"), { timeouts: FAST });
    const note = await db.notification.findFirstOrThrow({ where: { userId: ids.bruno } });
    expect(note).toMatchObject({
      kind: "mailboxConnectedForYou",
      params: { email: `bruno@${DOMAIN}`, by: "head Test" },
      link: `/webmail/mailboxes/${id}`,
    });
  });

  it("a stored password never goes to a new server: owner and editor must type it again (IMAP and SMTP)", async () => {
    const imapTrap = await startCredentialTrap("imap");
    const smtpTrap = await startCredentialTrap("smtp");
    try {
      const mailbox = await db.mailbox.findFirstOrThrow({
        where: { ownerId: ids.bruno },
        omit: { imapPasswordEnc: false, smtpPasswordEnc: false },
      });
      const stored = decryptSecret(mailbox.imapPasswordEnc, secretContext(mailbox.id, "imapPassword"));
      const current = {
        mailboxId: mailbox.id,
        imapHost: mailbox.imapHost,
        imapPort: mailbox.imapPort,
        imapSecurity: mailbox.imapSecurity,
        imapLogin: mailbox.imapLogin,
        imapPassword: undefined,
        smtpEnabled: false,
        smtpLogin: undefined,
        smtpPassword: undefined,
        dailySendLimit: undefined,
      };
      const attempts = [
        { change: { imapPort: imapTrap.port }, field: "imapPassword" },
        { change: { imapLogin: "someone.else@example.test" }, field: "imapPassword" },
        { change: { imapSecurity: "STARTTLS" as const }, field: "imapPassword" },
        {
          change: { smtpEnabled: true, smtpHost: "127.0.0.1", smtpPort: smtpTrap.port, smtpSecurity: "NONE" as const },
          field: "smtpPassword",
        },
      ];
      for (const who of ["head", "bruno"]) {
        for (const { change, field } of attempts) {
          await expect(
            updateConnection(db, await as(who), { ...current, ...change }, { timeouts: FAST }),
          ).rejects.toMatchObject({
            code: "VALIDATION",
            fieldErrors: { [field]: "passwordForNewServer" },
          });
        }
      }
      expect({ imap: imapTrap.connections(), smtp: smtpTrap.connections() }).toEqual({ imap: 0, smtp: 0 });
      const after = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, omit: { imapPasswordEnc: false } });
      expect({ port: after.imapPort, password: after.imapPasswordEnc }).toEqual({
        port: mailbox.imapPort,
        password: mailbox.imapPasswordEnc,
      });
      // Typed again, it goes where it was typed for — and the stored one still does not.
      await expect(
        updateConnection(
          db,
          await as("head"),
          { ...current, imapPort: imapTrap.port, imapPassword: "typed-now" },
          { timeouts: FAST },
        ),
      ).rejects.toMatchObject({ code: "CONNECTION_FAILED" });
      expect({ typed: imapTrap.saw("typed-now"), stored: imapTrap.saw(stored) }).toEqual({
        typed: true,
        stored: false,
      });
    } finally {
      await imapTrap.stop();
      await smtpTrap.stop();
    }
  });

  it("edits: an empty password keeps the stored one; a failing new one changes nothing; changes are audited", async () => {
    const mailbox = await db.mailbox.findFirstOrThrow({ where: { ownerId: ids.bruno } });
    const base = {
      mailboxId: mailbox.id,
      imapHost: "127.0.0.1",
      imapPort: dovecot.port,
      imapSecurity: "NONE" as const,
      imapLogin: `bruno@${DOMAIN}`,
      smtpEnabled: false,
      smtpLogin: undefined,
      smtpPassword: undefined,
      dailySendLimit: undefined,
    };
    expect(
      await updateConnection(db, await as("head"), { ...base, imapPassword: undefined }, { timeouts: FAST }),
    ).toEqual({
      changed: true,
    });
    const kept = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, omit: { imapPasswordEnc: false } });
    expect(decryptSecret(kept.imapPasswordEnc, secretContext(mailbox.id, "imapPassword"))).toBe("bruno-pw");
    expect(kept.smtpEnabled).toBe(false);
    await expect(
      updateConnection(db, await as("head"), { ...base, imapPassword: "not-it" }, { timeouts: FAST }),
    ).rejects.toMatchObject({ code: "CONNECTION_FAILED" });
    const unchanged = await db.mailbox.findUniqueOrThrow({
      where: { id: mailbox.id },
      omit: { imapPasswordEnc: false },
    });
    expect(unchanged.imapPasswordEnc).toBe(kept.imapPasswordEnc);

    await updateGeneral(db, await as("head"), {
      mailboxId: mailbox.id,
      name: "Bruno – Sales",
      senderName: "Bruno from Northwind",
      syncPeriod: "30",
      saveSentCopy: false,
      excludedFolders: ["Junk"],
      sentFolder: "Sent",
      trashFolder: undefined,
      spamFolder: undefined,
      signatureHtml: '<p>Bruno</p><script>alert(1)</script><a href="javascript:x()">x</a>',
    });
    const updated = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect(updated).toMatchObject({
      name: "Bruno – Sales",
      syncPeriodDays: 30,
      saveSentCopy: false,
      excludedFolders: ["Junk"],
    });
    expect(updated.signatureHtml).toBe("<p>Bruno</p><a>x</a>");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: String(mailbox.id), action: "mailbox.settings" },
    });
    expect(audit.before).toMatchObject({ name: `bruno@${DOMAIN}`, syncPeriodDays: 7 });
    expect(audit.after).toMatchObject({ name: "Bruno – Sales", syncPeriodDays: 30 });
  });

  it("editing outside one's scope is refused; a mailbox one cannot see does not exist", async () => {
    const mailbox = await db.mailbox.findFirstOrThrow({ where: { ownerId: ids.bruno } });
    await expect(updateSharing(db, await as("carla"), mailbox.id, [])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateSharing(db, await as("head"), mailbox.id, [{ kind: "DEPARTMENT", refId: 99_999 }]),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await updateSharing(db, await as("head"), mailbox.id, [{ kind: "USER", refId: ids.carla! }])).toBe(true);
    expect(
      (await loadAccess(db, ids.carla!))
        .readableMailboxes()
        .allows({ ownerId: ids.bruno!, access: [{ subjectKind: "USER", subjectRefId: ids.carla! }] }),
    ).toBe(true);
  });

  it("disconnect: the owner may; an editor only once the owner is deactivated", async () => {
    const mailbox = await db.mailbox.findFirstOrThrow({ where: { ownerId: ids.bruno } });
    await expect(disconnectMailbox(db, await as("head"), mailbox.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.user.update({ where: { id: ids.bruno }, data: { status: "DEACTIVATED" } });
    await disconnectMailbox(db, await as("head"), mailbox.id);
    expect(await db.mailbox.findUnique({ where: { id: mailbox.id } })).toBeNull();
    await db.user.update({ where: { id: ids.bruno }, data: { status: "ACTIVE" } });
  });

  it("bulk connect: good rows connect, the others say why, and the history holds no password", async () => {
    const batch = bulkConnectInput.parse({
      domain: DOMAIN,
      imapHost: "127.0.0.1",
      imapPort: dovecot.port,
      imapSecurity: "NONE",
      smtpEnabled: true,
      smtpHost: "127.0.0.1",
      smtpPort: smtp.port,
      smtpSecurity: "NONE",
      syncPeriod: "7",
      rows: [
        { userId: ids.bruno, email: `bruno@${DOMAIN}`, password: "bruno-pw" },
        { userId: ids.carla, email: `carla@${DOMAIN}`, password: "wrong-password" },
        { userId: ids.carla, email: "carla@elsewhere.test", password: "carla-pw" },
        { userId: ids.bruno, email: `bruno@${DOMAIN}`, password: "bruno-pw" },
        { userId: ids.finn, email: `finn@${DOMAIN}`, password: "finn-pw" },
        { userId: ids.anna, email: `anna@${DOMAIN}`, password: "anna-pw" },
        { userId: ids.head, email: `head@${DOMAIN}`, password: "head-pw" },
      ],
    });
    const head = await as("head");
    const runId = await startBulkConnect(db, head, batch);
    await processBulkConnect(db, head, runId, batch, { timeouts: FAST });
    const run = await db.bulkConnectRun.findUniqueOrThrow({
      where: { id: runId },
      include: { rows: { orderBy: { position: "asc" } } },
    });
    expect(run).toMatchObject({ status: "DONE", total: 7, connected: 2, failed: 5 });
    expect(run.rows.map((row) => (row.outcome === "CONNECTED" ? "connected" : row.reason))).toEqual([
      "connected",
      "AUTH_FAILED",
      "domainMismatch",
      "duplicateInBatch",
      "outOfScope",
      "alreadyConnected",
      "connected",
    ]);
    const everything = JSON.stringify(run);
    for (const secret of ["bruno-pw", "wrong-password", "carla-pw", "finn-pw", "head-pw"])
      expect(everything).not.toContain(secret);
    expect(await db.notification.count({ where: { userId: ids.bruno, kind: "mailboxConnectedForYou" } })).toBe(2);
  });

  it("bulk connect is refused to people without an edit scope", async () => {
    await expect(
      startBulkConnect(
        db,
        await as("anna"),
        bulkConnectInput.parse({
          domain: DOMAIN,
          imapHost: "h.test",
          imapPort: 993,
          imapSecurity: "SSL",
          smtpEnabled: false,
          syncPeriod: "7",
          rows: [{ userId: ids.anna, email: `anna@${DOMAIN}`, password: "x" }],
        }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
