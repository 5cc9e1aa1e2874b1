import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createUser } from "../../tests/factories.ts";
import { type Access, loadAccess } from "../access/access.ts";
import { checkCredentials } from "../auth/credentials.ts";
import { hashPassword } from "../auth/password.ts";
import { sessionIsLive } from "../auth/sessions.ts";
import { type Catcher, startOutboxCatcher } from "../console-mail/catcher.ts";
import { db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { DAY_MS, deactivateUser, reactivateUser, runDeactivationDeadlines, transferMailbox } from "./deactivation.ts";

const day = (start: Date, days: number) => new Date(start.getTime() + days * DAY_MS);

describe("deactivation and the 30-day mailbox timeline (real database, clock moved)", () => {
  let admin: Access;
  let catcher: Catcher;
  const start = new Date("2026-03-01T09:00:00Z");
  beforeAll(async () => {
    // Notification mails go to a real SMTP server: the console's own catcher, on a free port.
    catcher = await startOutboxCatcher(db, { port: 0 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.port}`;
    admin = await loadAccess(
      db,
      (await createUser(db, { isPortalAdmin: true, notificationEmail: "admin-notes@example.com" })).id,
    );
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await catcher.stop();
  });

  it("ends the sessions and sign-ins of a deactivated user at once; reactivation restores them", async () => {
    const user = await createUser(db, {
      email: "leaving@example.com",
      passwordHash: await hashPassword("correct horse 1"),
    });
    const token = { uid: String(user.id), sid: "session-of-leaving" };
    expect(await sessionIsLive(token)).toBe(true);
    await deactivateUser(db, admin, user.id, start);
    expect(await sessionIsLive(token)).toBe(false);
    expect(await checkCredentials("leaving@example.com", "correct horse 1", "10.9.9.1")).toMatchObject({
      ok: false,
      reason: "deactivated",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "user.deactivate", entityId: String(user.id) },
    });
    expect(audit.after).toMatchObject({ status: "DEACTIVATED" });
    await reactivateUser(db, admin, user.id);
    expect(await sessionIsLive(token)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
  });

  it("refuses deactivation to non-administrators and to oneself", async () => {
    const employee = await loadAccess(db, (await createUser(db)).id);
    const target = await createUser(db);
    for (const attempt of [deactivateUser(db, employee, target.id), deactivateUser(db, admin, admin.userId)]) {
      expect(
        await attempt.then(
          () => null,
          (error: unknown) => error,
        ),
      ).toBeInstanceOf(DomainError);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("warns admins on day 23, lets a transfer save a mailbox, and disconnects the rest on day 30", async () => {
    const owner = await createUser(db, { firstName: "Olga", lastName: "Old", notificationEmail: "olga@example.com" });
    const heir = await createUser(db, { firstName: "Hugo", lastName: "Heir", notificationEmail: "hugo@example.com" });
    const kept = await createMailbox(db, owner.id, { email: "kept@mail.test" });
    const dropped = await createMailbox(db, owner.id, { email: "dropped@mail.test" });
    await deactivateUser(db, admin, owner.id, start);

    expect(await runDeactivationDeadlines(db, day(start, 22))).toEqual({ warnedUsers: 0, disconnectedMailboxes: 0 });
    expect(await db.notification.count({ where: { userId: admin.userId, kind: "mailboxesAboutToDisconnect" } })).toBe(
      0,
    );

    expect(await runDeactivationDeadlines(db, day(start, 23))).toEqual({ warnedUsers: 1, disconnectedMailboxes: 0 });
    const warning = await db.notification.findFirstOrThrow({
      where: { userId: admin.userId, kind: "mailboxesAboutToDisconnect" },
    });
    expect(warning.params).toEqual({ name: "Olga Old", count: 2, date: "2026-03-31" });
    // Once only: the next scheduler tick does not warn again.
    expect(await runDeactivationDeadlines(db, day(start, 24))).toEqual({ warnedUsers: 0, disconnectedMailboxes: 0 });
    const mailed = await db.outboxMessage.findMany({ where: { to: { has: "admin-notes@example.com" } } });
    expect(mailed).toHaveLength(1);
    expect(mailed[0].text).toContain("Olga Old");

    await transferMailbox(db, admin, kept.id, heir.id);
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: kept.id } })).ownerId).toBe(heir.id);
    expect(await db.notification.count({ where: { userId: heir.id, kind: "mailboxTransferredToYou" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: owner.id, kind: "mailboxTransferredAway" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: { has: "hugo@example.com" } } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: { has: "olga@example.com" } } })).toBe(1);
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { action: "mailbox.transfer", entityId: String(kept.id) } }))
        .after,
    ).toEqual({
      ownerId: heir.id,
    });

    expect(await runDeactivationDeadlines(db, day(start, 29))).toEqual({ warnedUsers: 0, disconnectedMailboxes: 0 });
    expect(await runDeactivationDeadlines(db, day(start, 30))).toEqual({ warnedUsers: 0, disconnectedMailboxes: 1 });
    expect(await db.mailbox.findUnique({ where: { id: dropped.id } })).toBeNull();
    expect(await db.mailbox.findUnique({ where: { id: kept.id } })).not.toBeNull();
    const disconnect = await db.auditEvent.findFirstOrThrow({
      where: { action: "mailbox.disconnect", entityId: String(dropped.id) },
    });
    expect(disconnect.actorId).toBeNull();
    expect(disconnect.after).toEqual({ reason: "ownerDeactivated30Days" });
  });

  it("transfers only a deactivated owner's mailbox, to an active employee, by an administrator", async () => {
    const active = await createUser(db);
    const box = await createMailbox(db, active.id);
    const partner = await createUser(db, { kind: "EXTERNAL" });
    const employee = await loadAccess(db, (await createUser(db)).id);
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: DomainError) => error.code,
      );
    expect(await codeOf(transferMailbox(db, admin, box.id, partner.id))).toBe("CONFLICT");
    const gone = await createUser(db);
    const goneBox = await createMailbox(db, gone.id);
    await deactivateUser(db, admin, gone.id, start);
    expect(await codeOf(transferMailbox(db, admin, goneBox.id, partner.id))).toBe("VALIDATION");
    expect(await codeOf(transferMailbox(db, employee, goneBox.id, active.id))).toBe("FORBIDDEN");
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: goneBox.id } })).ownerId).toBe(gone.id);
  });
});
