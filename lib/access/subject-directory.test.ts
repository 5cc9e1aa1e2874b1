// Who is offered the extranet in the subject picker: portal administrators and webmail role
// editors (101) — they assign roles to external groups — and nobody else; sharing a mailbox
// with the extranet is refused to those who are not offered it.
import { beforeAll, describe, expect, it } from "vitest";
import { createMailbox, createRole, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { updateSharing } from "../mailboxes/settings.ts";
import { loadAccess } from "./access.ts";
import { canPickExternalSubjects } from "./capabilities.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";
import { ensureDefaultRoles } from "./defaults.ts";
import { searchSubjects } from "./subject-directory.ts";

describe("external subjects in the picker and in sharing", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    await ensureDefaultRoles(db);
    const person = (key: string, data: Parameters<typeof createUser>[1] = {}) =>
      createUser(db, { email: `${key}@picker.test`, firstName: "Quill", lastName: key, ...data });
    ids.admin = (await person("admin", { isPortalAdmin: true })).id;
    ids.editor = (await person("editor")).id;
    ids.telephonyEditor = (await person("telephonyEditor")).id;
    ids.employee = (await person("employee")).id;
    ids.colleague = (await person("colleague")).id;
    ids.partner = (await person("partner", { kind: "EXTERNAL", email: "partner@extranet.test" })).id;
    ids.internalGroup = (await db.workGroup.create({ data: { name: "Quill launch team" } })).id;
    ids.externalGroup = (await db.workGroup.create({ data: { name: "Quill agency", isExternal: true } })).id;
    await createRole(db, "WEBMAIL", { [WEBMAIL.editRights.key]: LEVEL.MAX }, [{ kind: "USER", refId: ids.editor }]);
    await createRole(db, "TELEPHONY", { [TELEPHONY.settings.key]: LEVEL.MAX }, [
      { kind: "USER", refId: ids.telephonyEditor },
    ]);
  });

  const search = async (as: string, query = "Quill") => {
    const result = await searchSubjects(db, await loadAccess(db, ids[as]!), query);
    return {
      users: result.users.map((label) => label.refId),
      workGroups: result.workGroups.map((label) => label.refId),
    };
  };

  it("an ordinary employee finds colleagues and company groups, never extranet users or external groups", async () => {
    const found = await search("employee");
    expect(found.users).toEqual(expect.arrayContaining([ids.colleague, ids.editor]));
    expect(found.users).not.toContain(ids.partner);
    expect(found.workGroups).toEqual([ids.internalGroup]);
    // Searching by the partner's address or the group's name finds nothing either.
    expect((await search("employee", "partner@extranet.test")).users).toEqual([]);
    expect((await search("employee", "agency")).workGroups).toEqual([]);
  });

  it("a telephony-only role editor is not offered the extranet either", async () => {
    const found = await search("telephonyEditor");
    expect(found.users).not.toContain(ids.partner);
    expect(found.workGroups).not.toContain(ids.externalGroup);
  });

  it("portal administrators and webmail role editors (101) are offered both", async () => {
    for (const as of ["admin", "editor"]) {
      const found = await search(as);
      expect(found.users, as).toContain(ids.partner);
      expect(found.workGroups, as).toEqual(expect.arrayContaining([ids.internalGroup, ids.externalGroup]));
    }
    expect(canPickExternalSubjects(await loadAccess(db, ids.employee!))).toBe(false);
  });

  it("sharing a mailbox with the extranet is refused to whoever is not offered it; existing shares stay", async () => {
    const mailbox = await createMailbox(db, ids.employee!);
    const employee = await loadAccess(db, ids.employee!);
    for (const subject of [
      { kind: "USER" as const, refId: ids.partner! },
      { kind: "WORK_GROUP" as const, refId: ids.externalGroup! },
    ]) {
      await expect(updateSharing(db, employee, mailbox.id, [subject])).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { subjects: "unknownSubject" },
      });
    }
    expect(await db.mailboxAccess.count({ where: { mailboxId: mailbox.id } })).toBe(0);
    // An administrator shares it with the agency; the owner may still add a colleague.
    const agency = { kind: "WORK_GROUP" as const, refId: ids.externalGroup! };
    expect(await updateSharing(db, await loadAccess(db, ids.admin!), mailbox.id, [agency])).toBe(true);
    const colleague = { kind: "USER" as const, refId: ids.colleague! };
    expect(await updateSharing(db, employee, mailbox.id, [agency, colleague])).toBe(true);
    expect(await db.mailboxAccess.count({ where: { mailboxId: mailbox.id } })).toBe(2);
  });
});
