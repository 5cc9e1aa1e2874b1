import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { loadAccess } from "./access.ts";
import { LEVEL, WEBMAIL } from "./catalog.ts";
import { ensureDefaultRoles } from "./defaults.ts";
import { loadRoleMatrix, type RoleInput, saveRoleMatrix } from "./roles.ts";

const asInput = (matrix: Awaited<ReturnType<typeof loadRoleMatrix>>): RoleInput[] =>
  matrix.roles.map((role) => ({
    id: role.id,
    name: role.name,
    levels: { ...role.levels },
    assignments: [...role.assignments],
  }));

describe("saving the role matrix", () => {
  let adminId: number;
  let employeeId: number;
  beforeAll(async () => {
    await ensureDefaultRoles(db);
    adminId = (await createUser(db, { isPortalAdmin: true })).id;
    employeeId = (await createUser(db)).id;
  });

  it("creates the default roles of SPEC §4.2 with their assignments", async () => {
    const matrix = await loadRoleMatrix(db, "WEBMAIL");
    const byCode = Object.fromEntries(matrix.roles.map((role) => [role.systemCode, role]));
    expect(byCode.ADMIN!.levels).toEqual({
      [WEBMAIL.editRights.key]: 30,
      [WEBMAIL.viewMailboxes.key]: 30,
      [WEBMAIL.editMailboxes.key]: 30,
      [WEBMAIL.connectOwn.key]: 30,
      [WEBMAIL.editCrm.key]: 30,
    });
    expect(byCode.SUPERVISOR!.levels[WEBMAIL.viewMailboxes.key]).toBe(LEVEL.MID);
    expect(byCode.SUPERVISOR!.assignments).toEqual([{ kind: "ALL_HEADS", refId: 0 }]);
    expect(byCode.MANAGER!.assignments).toEqual([{ kind: "ALL_EMPLOYEES", refId: 0 }]);
    expect((await loadRoleMatrix(db, "TELEPHONY")).roles.map((role) => role.systemCode)).toEqual([
      "ADMIN",
      "CEO",
      "HEAD",
      "MANAGER",
    ]);
  });

  it("creates, clones and renames roles, changes levels and assignments, atomically with one revision step", async () => {
    const admin = await loadAccess(db, adminId);
    const before = await loadRoleMatrix(db, "WEBMAIL");
    const roles = asInput(before);
    const custom = {
      id: null,
      name: "Sales assistants",
      levels: { ...roles[2]!.levels, [WEBMAIL.viewMailboxes.key]: LEVEL.LOW },
      assignments: [{ kind: "USER" as const, refId: employeeId }],
    };
    const saved = await saveRoleMatrix(admin, "WEBMAIL", {
      revision: before.revision,
      roles: [...roles, custom, { ...custom, name: "Copy of Sales assistants", assignments: [] }],
    });
    expect(saved.revision).toBe(before.revision + 1);
    expect(saved.roles.map((role) => role.name)).toEqual([
      null,
      null,
      null,
      "Sales assistants",
      "Copy of Sales assistants",
    ]);
    expect((await loadAccess(db, employeeId)).level(WEBMAIL.viewMailboxes.key)).toBe(LEVEL.LOW);

    const renamed = asInput(saved);
    renamed[3]!.name = "Sales support";
    renamed[1]!.name = "Team leads";
    const again = await saveRoleMatrix(admin, "WEBMAIL", {
      revision: saved.revision,
      roles: renamed.filter((_, index) => index !== 4),
    });
    expect(again.roles.map((role) => role.name)).toEqual([null, "Team leads", null, "Sales support"]);
    const audit = await db.auditEvent.findMany({ where: { entityType: "Role" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "role.create",
      "role.create",
      "role.delete",
      "role.update",
      "role.update",
    ]);
    expect(audit.every((event) => event.actorId === adminId)).toBe(true);
    expect(audit[3]!.before).toMatchObject({ name: null, systemCode: "SUPERVISOR" });
    expect(audit[3]!.after).toMatchObject({ name: "Team leads" });
  });

  it("refuses a save made from a stale revision, and changes nothing", async () => {
    const admin = await loadAccess(db, adminId);
    const current = await loadRoleMatrix(db, "WEBMAIL");
    const roles = asInput(current);
    roles[2]!.levels[WEBMAIL.editCrm.key] = LEVEL.NONE;
    await expect(saveRoleMatrix(admin, "WEBMAIL", { revision: current.revision - 1, roles })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await loadRoleMatrix(db, "WEBMAIL")).toEqual(current);
  });

  it("lets exactly one of two simultaneous saves of the same revision through", async () => {
    const admin = await loadAccess(db, adminId);
    const current = await loadRoleMatrix(db, "TELEPHONY");
    const first = asInput(current);
    first[3]!.name = "Sellers";
    const second = asInput(current);
    second[3]!.name = "Agents";
    const results = await Promise.allSettled([
      saveRoleMatrix(admin, "TELEPHONY", { revision: current.revision, roles: first }),
      saveRoleMatrix(admin, "TELEPHONY", { revision: current.revision, roles: second }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect((await loadRoleMatrix(db, "TELEPHONY")).revision).toBe(current.revision + 1);
  });

  it("refuses invalid matrices with a reason per field, and saves nothing", async () => {
    const admin = await loadAccess(db, adminId);
    const current = await loadRoleMatrix(db, "WEBMAIL");
    const attempt = async (change: (roles: RoleInput[]) => RoleInput[]) =>
      saveRoleMatrix(admin, "WEBMAIL", { revision: current.revision, roles: change(asInput(current)) }).catch(
        (error) => error.fieldErrors,
      );
    expect(await attempt((roles) => roles.filter((role) => role.id !== current.roles[0]!.id))).toMatchObject({
      roles: "systemRoleRequired",
    });
    expect(await attempt((roles) => [...roles, { id: null, name: " ", levels: {}, assignments: [] }])).toMatchObject({
      [`roles.${current.roles.length}.name`]: "required",
    });
    expect(
      await attempt((roles) => [...roles, { id: null, name: "sales SUPPORT", levels: {}, assignments: [] }]),
    ).toMatchObject({ [`roles.${current.roles.length}.name`]: "duplicateName" });
    expect(
      await attempt((roles) =>
        roles.map((role, index) =>
          index === 1 ? { ...role, levels: { ...role.levels, [WEBMAIL.viewMailboxes.key]: 15 } } : role,
        ),
      ),
    ).toMatchObject({ [`roles.1.levels.${WEBMAIL.viewMailboxes.key}`]: "invalidLevel" });
    expect(
      await attempt((roles) => roles.map((role, index) => (index === 0 ? { ...role, assignments: [] } : role))),
    ).toMatchObject({ "roles.0.assignments": "adminAssignmentRequired" });
    expect(
      await attempt((roles) =>
        roles.map((role, index) =>
          index === 1 ? { ...role, assignments: [{ kind: "DEPARTMENT", refId: 424242 }] } : role,
        ),
      ),
    ).toMatchObject({ "roles.1.assignments": "unknownSubject" });
    expect(await loadRoleMatrix(db, "WEBMAIL")).toEqual(current);
  });

  it("refuses users without the right to edit access rights (101 / telephony settings)", async () => {
    const employee = await loadAccess(db, employeeId);
    const current = await loadRoleMatrix(db, "WEBMAIL");
    await expect(
      saveRoleMatrix(employee, "WEBMAIL", { revision: current.revision, roles: asInput(current) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const telephony = await loadRoleMatrix(db, "TELEPHONY");
    await expect(
      saveRoleMatrix(employee, "TELEPHONY", { revision: telephony.revision, roles: asInput(telephony) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
