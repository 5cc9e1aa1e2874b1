import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { type Access, loadAccess } from "../access/access.ts";
import { checkCredentials } from "../auth/credentials.ts";
import { type Catcher, startOutboxCatcher } from "../console-mail/catcher.ts";
import { db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { moveToExtranet } from "./extranet-move.ts";
import { saveWorkGroup } from "./groups.ts";
import { acceptInvitation, hashToken, invitationForToken, inviteUser } from "./invitations.ts";
import { inviteInput, workGroupInput } from "./schemas.ts";

const LINK = /http:\/\/console\.test\/en\/invite\/([A-Za-z0-9_-]+)/;

describe("invitations, the user limit and the move to the extranet (real database, real SMTP catcher)", () => {
  let admin: Access;
  let catcher: Catcher;
  let groupId: number;
  let owner: Access;
  let member: Access;
  let options: { linkBase: string; locale: string; smtpUrl: string };
  const now = new Date("2026-05-04T08:00:00Z");

  beforeAll(async () => {
    catcher = await startOutboxCatcher(db, { port: 0 });
    options = { linkBase: "http://console.test", locale: "en", smtpUrl: `smtp://127.0.0.1:${catcher.port}` };
    admin = await loadAccess(
      db,
      (await createUser(db, { isPortalAdmin: true, firstName: "Ada", lastName: "Admin" })).id,
    );
    const ownerUser = await createUser(db);
    const memberUser = await createUser(db);
    groupId = (
      await saveWorkGroup(
        db,
        admin,
        workGroupInput.parse({
          name: "Partners",
          isExternal: true,
          members: [
            { userId: ownerUser.id, role: "OWNER" },
            { userId: memberUser.id, role: "MEMBER" },
          ],
        }),
      )
    ).id;
    owner = await loadAccess(db, ownerUser.id);
    member = await loadAccess(db, memberUser.id);
  });
  afterAll(() => catcher.stop());

  const tokenMailedTo = async (email: string) => {
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: { has: email } }, orderBy: { id: "desc" } });
    const token = LINK.exec(message.text)?.[1];
    expect(token).toBeDefined();
    return token as string;
  };
  const external = (email: string) =>
    inviteInput.parse({ email, firstName: "Pat", lastName: "Partner", kind: "EXTERNAL", workGroupId: groupId });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) =>
        error instanceof DomainError ? { code: error.code, fields: error.fieldErrors, details: error.details } : error,
    );

  it("mails a single-use link whose token is stored only as a hash; accepting sets the password", async () => {
    const { userId, sent } = await inviteUser(db, owner, external("pat@partner.example"), { ...options, now });
    expect(sent).toBe(true);
    const token = await tokenMailedTo("pat@partner.example");
    const stored = await db.invitation.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await db.invitation.findMany())).not.toContain(token);
    const audits = await db.auditEvent.findMany({
      where: { action: "user.invite" },
      select: { before: true, after: true },
    });
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(
      await db.workGroupMember.findUnique({ where: { workGroupId_userId: { workGroupId: groupId, userId } } }),
    ).toMatchObject({
      role: "MEMBER",
    });
    expect(await invitationForToken(db, token, now)).toEqual({
      email: "pat@partner.example",
      firstName: "Pat",
      lastName: "Partner",
    });

    await acceptInvitation(db, token, "a long new password", now);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      status: "ACTIVE",
      kind: "EXTERNAL",
    });
    expect(await checkCredentials("pat@partner.example", "a long new password", "10.1.1.1")).toMatchObject({
      ok: true,
    });
    expect(await db.notification.count({ where: { userId: owner.userId, kind: "invitationAccepted" } })).toBe(1);
    // Single use: the same link again, and a made-up one, are refused.
    expect(await codeOf(acceptInvitation(db, token, "another long password", now))).toMatchObject({
      details: { reason: "used" },
    });
    expect(await codeOf(invitationForToken(db, "x".repeat(43), now))).toMatchObject({ details: { reason: "invalid" } });
    expect(await codeOf(invitationForToken(db, "../../etc", now))).toMatchObject({ details: { reason: "invalid" } });
  });

  it("refuses an expired link", async () => {
    await inviteUser(db, admin, external("late@partner.example"), { ...options, now });
    const token = await tokenMailedTo("late@partner.example");
    const eightDaysLater = new Date(now.getTime() + 8 * 24 * 60 * 60 * 1000);
    expect(await codeOf(acceptInvitation(db, token, "a long new password", eightDaysLater))).toMatchObject({
      details: { reason: "expired" },
    });
    expect((await db.user.findUniqueOrThrow({ where: { email: "late@partner.example" } })).status).toBe("INVITED");
  });

  it("refuses an existing address, external invitations outside an external group, and plain members", async () => {
    const existing = await createUser(db, { email: "taken@example.com" });
    expect(await codeOf(inviteUser(db, admin, external(existing.email), options))).toMatchObject({
      code: "VALIDATION",
      fields: { email: "emailExists" },
    });
    expect(await codeOf(inviteUser(db, member, external("m@partner.example"), options))).toMatchObject({
      code: "FORBIDDEN",
    });
    const employeeInvite = inviteInput.parse({
      email: "e@example.com",
      firstName: "E",
      lastName: "E",
      kind: "EMPLOYEE",
    });
    expect(await codeOf(inviteUser(db, owner, employeeInvite, options))).toMatchObject({ code: "FORBIDDEN" });
    const internalGroup = (await saveWorkGroup(db, admin, workGroupInput.parse({ name: "Inside" }))).id;
    expect(
      await codeOf(inviteUser(db, admin, { ...external("i@partner.example"), workGroupId: internalGroup }, options)),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await db.user.count({ where: { email: { in: ["m@partner.example", "e@example.com", "i@partner.example"] } } }),
    ).toBe(0);
  });

  it("refuses invitations beyond the user limit with a clear error, counting employees and external users", async () => {
    const counted = await db.user.count({ where: { status: { not: "DEACTIVATED" } } });
    await db.organisationSettings.create({ data: { id: 1, userLimit: counted + 1 } });
    await inviteUser(db, admin, external("last-seat@partner.example"), options);
    expect(await codeOf(inviteUser(db, admin, external("one-too-many@partner.example"), options))).toMatchObject({
      code: "CONFLICT",
      details: { limit: String(counted + 1) },
    });
    expect(await db.user.count({ where: { email: "one-too-many@partner.example" } })).toBe(0);
    await db.organisationSettings.delete({ where: { id: 1 } });
  });

  it("moves an employee to the extranet with a new address, or keeping the former one", async () => {
    const first = await createUser(db, { email: "fred@company.example", firstName: "Fred" });
    await moveToExtranet(
      db,
      admin,
      { mode: "newEmail", userId: first.id, workGroupId: groupId, externalEmail: "fred@freelance.example" },
      options,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("DEACTIVATED");
    const fredExternal = await db.user.findUniqueOrThrow({ where: { email: "fred@freelance.example" } });
    expect(fredExternal).toMatchObject({ kind: "EXTERNAL", status: "INVITED", firstName: "Fred" });
    await tokenMailedTo("fred@freelance.example");

    const second = await createUser(db, { email: "gina@company.example", firstName: "Gina" });
    // The former address cannot be invited while the profile still holds it …
    expect(await codeOf(inviteUser(db, admin, external("gina@company.example"), options))).toMatchObject({
      fields: { email: "emailExists" },
    });
    // … so the wizard replaces the profile's address first, in the same transaction.
    const result = await moveToExtranet(
      db,
      admin,
      { mode: "keepEmail", userId: second.id, workGroupId: groupId, replacementEmail: "gina.former@company.example" },
      options,
    );
    expect(result.remindNotificationEmail).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      email: "gina.former@company.example",
      status: "DEACTIVATED",
    });
    expect(await db.user.findUniqueOrThrow({ where: { email: "gina@company.example" } })).toMatchObject({
      kind: "EXTERNAL",
    });

    // Nothing half-done: a taken replacement address leaves the employee as they were.
    const third = await createUser(db, { email: "hal@company.example" });
    expect(
      await codeOf(
        moveToExtranet(
          db,
          admin,
          { mode: "keepEmail", userId: third.id, workGroupId: groupId, replacementEmail: "taken@example.com" },
          options,
        ),
      ),
    ).toMatchObject({ fields: { replacementEmail: "emailExists" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({
      email: "hal@company.example",
      status: "ACTIVE",
    });
    expect(
      await codeOf(
        moveToExtranet(
          db,
          owner,
          { mode: "newEmail", userId: third.id, workGroupId: groupId, externalEmail: "h@x.example" },
          options,
        ),
      ),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
