import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createMailbox, createRole, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { loadAccess } from "./access.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";

const { NONE, LOW, MID, MAX } = LEVEL;

// Company ─┬─ Sales (head: salesHead) ─┬─ Sales DE (members: anna; head: deHead, not a member)
//          │                           └─ Sales IT (members: bruno, dual)
//          └─ Finance (members: carla, dual; no head)
describe("scopes: which mailboxes and calls a user reaches", () => {
  const ids: Record<string, number> = {};
  const boxes: Record<string, number> = {};
  beforeAll(async () => {
    for (const name of ["salesHead", "deHead", "anna", "bruno", "carla", "dual", "loner"])
      ids[name] = (await createUser(db)).id;
    const company = await createDepartment(db);
    const sales = await createDepartment(db, { parentId: company.id, headId: ids.salesHead });
    const salesDe = await createDepartment(db, { parentId: sales.id, headId: ids.deHead });
    const salesIt = await createDepartment(db, { parentId: sales.id });
    const finance = await createDepartment(db, { parentId: company.id });
    await addMembers(db, sales.id, [ids.salesHead]);
    await addMembers(db, salesDe.id, [ids.anna]);
    await addMembers(db, salesIt.id, [ids.bruno, ids.dual]);
    await addMembers(db, finance.id, [ids.carla, ids.dual]);
    for (const name of Object.keys(ids)) boxes[name] = (await createMailbox(db, ids[name]!)).id;
    for (const name of Object.keys(ids)) {
      await db.call.create({
        data: {
          externalId: `call-${name}`,
          employeeId: ids[name],
          direction: "INCOMING",
          status: "ANSWERED",
          phoneNumber: "+4930123",
          startedAt: new Date(),
        },
      });
    }
  });

  async function setRole(userId: number, levels: Record<string, number>) {
    await db.roleAssignment.deleteMany({ where: { subjectKind: "USER", subjectRefId: userId } });
    await createRole(
      db,
      levels[WEBMAIL.viewMailboxes.key] !== undefined || levels[WEBMAIL.editMailboxes.key] !== undefined
        ? "WEBMAIL"
        : "TELEPHONY",
      levels,
      [{ kind: "USER", refId: userId }],
    );
  }

  async function visibleOwners(userId: number, action: "view" | "edit") {
    const scope = await (await loadAccess(db, userId)).mailboxes(action);
    const rows = await db.mailbox.findMany({ where: scope.where, select: { ownerId: true } });
    const all = await db.mailbox.findMany({ select: { ownerId: true } });
    // The filter and the single-record check agree on every mailbox.
    expect(rows.map((row) => row.ownerId).sort()).toEqual(
      all
        .filter((row) => scope.allows(row))
        .map((row) => row.ownerId)
        .sort(),
    );
    return rows.map((row) => row.ownerId).sort((a, b) => a - b);
  }
  const sorted = (...names: string[]) => names.map((name) => ids[name]!).sort((a, b) => a - b);

  it("with no role a user sees only their own mailbox (owner always passes)", async () => {
    expect(await visibleOwners(ids.loner!, "view")).toEqual(sorted("loner"));
    expect(await visibleOwners(ids.loner!, "edit")).toEqual(sorted("loner"));
  });

  it("own department: members and head of the departments the user belongs to or heads, not below", async () => {
    await setRole(ids.salesHead!, { [WEBMAIL.viewMailboxes.key]: LOW });
    expect(await visibleOwners(ids.salesHead!, "view")).toEqual(sorted("salesHead"));
    await setRole(ids.deHead!, { [WEBMAIL.viewMailboxes.key]: LOW });
    expect(await visibleOwners(ids.deHead!, "view")).toEqual(sorted("deHead", "anna"));
  });

  it("department and sub-departments: every member and head below, including heads who are not members", async () => {
    await setRole(ids.salesHead!, { [WEBMAIL.viewMailboxes.key]: MID });
    expect(await visibleOwners(ids.salesHead!, "view")).toEqual(sorted("salesHead", "deHead", "anna", "bruno", "dual"));
  });

  it("someone in two departments reaches both", async () => {
    await setRole(ids.dual!, { [WEBMAIL.viewMailboxes.key]: LOW });
    expect(await visibleOwners(ids.dual!, "view")).toEqual(sorted("bruno", "dual", "carla"));
  });

  it("view and edit are separate scopes", async () => {
    await setRole(ids.salesHead!, { [WEBMAIL.viewMailboxes.key]: MID, [WEBMAIL.editMailboxes.key]: NONE });
    expect(await visibleOwners(ids.salesHead!, "edit")).toEqual(sorted("salesHead"));
  });

  it("all: every mailbox", async () => {
    await setRole(ids.carla!, { [WEBMAIL.editMailboxes.key]: MAX });
    expect((await visibleOwners(ids.carla!, "edit")).length).toBe(Object.keys(ids).length);
  });

  it("telephony: denied is nothing (not even own calls), own, own and department's (with sub-departments), any", async () => {
    const callers = async (userId: number, action: "statistics" | "listen" | "modify") => {
      const scope = await (await loadAccess(db, userId)).calls(action);
      const where = scope.kind === "all" ? {} : { employeeId: { in: [...scope.userIds] } };
      return (await db.call.findMany({ where, select: { employeeId: true } }))
        .map((call) => call.employeeId!)
        .sort((a, b) => a - b);
    };
    await setRole(ids.anna!, { [TELEPHONY.callStatistics.key]: NONE });
    expect(await callers(ids.anna!, "statistics")).toEqual([]);
    await setRole(ids.anna!, { [TELEPHONY.callStatistics.key]: LOW, [TELEPHONY.recordingListen.key]: MAX });
    expect(await callers(ids.anna!, "statistics")).toEqual(sorted("anna"));
    expect((await callers(ids.anna!, "listen")).length).toBe(Object.keys(ids).length);
    expect(await callers(ids.anna!, "modify")).toEqual([]);
    // Telephony's "department" always includes sub-departments.
    await setRole(ids.salesHead!, { [TELEPHONY.callStatistics.key]: MID });
    expect(await callers(ids.salesHead!, "statistics")).toEqual(sorted("salesHead", "deHead", "anna", "bruno", "dual"));
  });

  it("phone settings of other users follow the user-settings level", async () => {
    await setRole(ids.deHead!, { [TELEPHONY.userSettings.key]: MID });
    const scope = await (await loadAccess(db, ids.deHead!)).phoneSettingsUsers();
    expect(scope.kind === "users" && [...scope.userIds].sort((a, b) => a - b)).toEqual(sorted("deHead", "anna"));
  });
});
