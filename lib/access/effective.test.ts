import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createRole, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { loadAccess } from "./access.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";

const { NONE, LOW, MID, MAX } = LEVEL;

describe("effective permissions: highest level wins", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    ids.seller = (await createUser(db)).id;
    ids.admin = (await createUser(db, { isPortalAdmin: true })).id;
    ids.partner = (await createUser(db, { kind: "EXTERNAL" })).id;
    ids.nobody = (await createUser(db)).id;
    const sales = await createDepartment(db, { name: "Sales" });
    await addMembers(db, sales.id, [ids.seller]);
    const group = await db.userGroup.create({
      data: { name: "Mobile", members: { create: [{ userId: ids.seller }] } },
    });
    // Three roles reach the seller through three different subjects; each is highest somewhere.
    await createRole(
      db,
      "WEBMAIL",
      { [WEBMAIL.viewMailboxes.key]: LOW, [WEBMAIL.editMailboxes.key]: MID, [WEBMAIL.connectOwn.key]: NONE },
      [{ kind: "ALL_EMPLOYEES" }],
      "Everyone",
    );
    ids.deptRole = (
      await createRole(
        db,
        "WEBMAIL",
        { [WEBMAIL.viewMailboxes.key]: MID, [WEBMAIL.editMailboxes.key]: LOW },
        [{ kind: "DEPARTMENT", refId: sales.id }],
        "Sales role",
      )
    ).id;
    ids.groupRole = (
      await createRole(
        db,
        "WEBMAIL",
        { [WEBMAIL.viewMailboxes.key]: LOW, [WEBMAIL.connectOwn.key]: MAX },
        [{ kind: "USER_GROUP", refId: group.id }],
        "Mobile role",
      )
    ).id;
    await createRole(db, "TELEPHONY", { [TELEPHONY.callStatistics.key]: LOW }, [{ kind: "ALL_EMPLOYEES" }], "Phones");
    // A role nobody matches must not count.
    await createRole(
      db,
      "WEBMAIL",
      { [WEBMAIL.viewMailboxes.key]: MAX },
      [{ kind: "USER", refId: ids.nobody }],
      "Nobody's",
    );
  });

  it("merges three roles to the maximum of each permission", async () => {
    const access = await loadAccess(db, ids.seller);
    expect(access.level(WEBMAIL.viewMailboxes.key)).toBe(MID);
    expect(access.level(WEBMAIL.editMailboxes.key)).toBe(MID);
    expect(access.level(WEBMAIL.connectOwn.key)).toBe(MAX);
    expect(access.level(WEBMAIL.editRights.key)).toBe(NONE);
    expect(access.level(TELEPHONY.callStatistics.key)).toBe(LOW);
  });

  it("explains each level with the role and assignment that gave it, highest first", async () => {
    const access = await loadAccess(db, ids.seller);
    const view = access.permissions.WEBMAIL.get(WEBMAIL.viewMailboxes.key)!;
    expect(view.sources.map((source) => [source.roleName, source.level])).toEqual([
      ["Sales role", MID],
      ["Everyone", LOW],
      ["Mobile role", LOW],
    ]);
    expect(view.sources[0]).toMatchObject({ roleId: ids.deptRole, subjectKind: "DEPARTMENT" });
    const connect = access.permissions.WEBMAIL.get(WEBMAIL.connectOwn.key)!;
    expect(connect.sources).toHaveLength(1);
    expect(connect.sources[0]).toMatchObject({ roleId: ids.groupRole, subjectKind: "USER_GROUP" });
  });

  it("gives portal administrators every permission at its highest level, whatever the roles", async () => {
    const access = await loadAccess(db, ids.admin);
    for (const module of ["WEBMAIL", "TELEPHONY"] as const) {
      for (const permission of access.permissions[module].values()) {
        expect(permission.level, permission.key).toBe(MAX);
        expect(permission.viaPortalAdmin).toBe(true);
      }
    }
  });

  it("does not give extranet users what is assigned to all employees", async () => {
    const access = await loadAccess(db, ids.partner);
    expect(access.level(WEBMAIL.viewMailboxes.key)).toBe(NONE);
    expect(access.level(TELEPHONY.callStatistics.key)).toBe(NONE);
  });

  it("caps extranet users at their own records, whatever roles reach them, and never grants 101", async () => {
    const flagged = await createUser(db, { kind: "EXTERNAL", isPortalAdmin: true });
    const partners = await db.workGroup.create({
      data: { name: "Partners", isExternal: true, members: { create: [{ userId: flagged.id }] } },
    });
    await createRole(
      db,
      "WEBMAIL",
      {
        [WEBMAIL.viewMailboxes.key]: MAX,
        [WEBMAIL.editMailboxes.key]: MAX,
        [WEBMAIL.editRights.key]: MAX,
        [WEBMAIL.connectOwn.key]: MAX,
      },
      [{ kind: "WORK_GROUP", refId: partners.id }],
      "Partners everything",
    );
    await createRole(
      db,
      "TELEPHONY",
      {
        [TELEPHONY.callStatistics.key]: MAX,
        [TELEPHONY.userSettings.key]: MID,
        [TELEPHONY.settings.key]: MAX,
        [TELEPHONY.numbers.key]: MAX,
      },
      [{ kind: "USER", refId: flagged.id }],
      "Partner phones",
    );
    const access = await loadAccess(db, flagged.id);
    expect(access.isPortalAdmin).toBe(false);
    expect(access.level(WEBMAIL.viewMailboxes.key)).toBe(NONE);
    expect(access.level(WEBMAIL.editMailboxes.key)).toBe(NONE);
    expect(access.level(WEBMAIL.editRights.key)).toBe(NONE);
    expect(access.level(TELEPHONY.callStatistics.key)).toBe(LOW);
    expect(access.level(TELEPHONY.userSettings.key)).toBe(LOW);
    expect(access.level(TELEPHONY.settings.key)).toBe(NONE);
    // Yes/no rights about their own work still apply (SPEC §7).
    expect(access.level(WEBMAIL.connectOwn.key)).toBe(MAX);
    expect(access.level(TELEPHONY.numbers.key)).toBe(MAX);
    expect(access.permissions.WEBMAIL.get(WEBMAIL.viewMailboxes.key)).toMatchObject({ cappedForExternal: true });
    expect(await access.mailboxes("view")).toMatchObject({ owners: { kind: "users", userIds: new Set([flagged.id]) } });
    expect(await access.calls("statistics")).toEqual({ kind: "users", userIds: new Set([flagged.id]) });
  });
});
