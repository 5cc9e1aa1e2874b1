import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { subjectKey } from "./subject-ref.ts";
import { resolveSubjects } from "./subjects.ts";

// Company ── Sales (head: salesHead) ── Sales DE (member: anna, dual; head: deHead who is not a member)
//        └── Finance (member: dual)
describe("access subjects a user matches", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    for (const name of ["salesHead", "deHead", "anna", "dual", "admin"]) ids[name] = (await createUser(db)).id;
    ids.partner = (await createUser(db, { kind: "EXTERNAL" })).id;
    await db.user.update({ where: { id: ids.admin }, data: { isPortalAdmin: true } });
    const company = await createDepartment(db);
    const sales = await createDepartment(db, { parentId: company.id, headId: ids.salesHead });
    const salesDe = await createDepartment(db, { parentId: sales.id, headId: ids.deHead });
    const finance = await createDepartment(db, { parentId: company.id });
    Object.assign(ids, { company: company.id, sales: sales.id, salesDe: salesDe.id, finance: finance.id });
    await addMembers(db, sales.id, [ids.salesHead]);
    await addMembers(db, salesDe.id, [ids.anna, ids.dual]);
    await addMembers(db, finance.id, [ids.dual]);
    const group = await db.workGroup.create({
      data: { name: "Launch", isExternal: true, members: { create: [{ userId: ids.anna }, { userId: ids.partner }] } },
    });
    const userGroup = await db.userGroup.create({
      data: { name: "Night shift", members: { create: [{ userId: ids.dual }] } },
    });
    Object.assign(ids, { group: group.id, userGroup: userGroup.id });
  });

  const keysOf = async (userId: number) => (await resolveSubjects(db, userId)).refs.map(subjectKey).sort();

  it("an employee: themself, their department, every department above it, all employees, their groups", async () => {
    expect(await keysOf(ids.anna)).toEqual(
      [
        `USER:${ids.anna}`,
        `DEPARTMENT:${ids.salesDe}`,
        `DEPARTMENT_TREE:${ids.company}`,
        `DEPARTMENT_TREE:${ids.sales}`,
        `DEPARTMENT_TREE:${ids.salesDe}`,
        "ALL_EMPLOYEES:0",
        `WORK_GROUP:${ids.group}`,
      ].sort(),
    );
  });

  it("someone in two departments matches both, and both trees", async () => {
    const keys = await keysOf(ids.dual);
    expect(keys).toEqual(
      expect.arrayContaining([
        `DEPARTMENT:${ids.salesDe}`,
        `DEPARTMENT:${ids.finance}`,
        `DEPARTMENT_TREE:${ids.finance}`,
        `DEPARTMENT_TREE:${ids.sales}`,
        `USER_GROUP:${ids.userGroup}`,
      ]),
    );
    expect(keys).not.toContain("ALL_HEADS:0");
  });

  it("a head who is not a member still belongs to the department they head, and is one of all heads", async () => {
    const set = await resolveSubjects(db, ids.deHead);
    expect(set.ownDepartmentIds).toEqual([ids.salesDe]);
    expect(set.refs.map(subjectKey)).toEqual(
      expect.arrayContaining([`DEPARTMENT:${ids.salesDe}`, `DEPARTMENT_TREE:${ids.sales}`, "ALL_HEADS:0"]),
    );
    expect(set.isHead).toBe(true);
  });

  it("an extranet user is never one of all employees, only their workgroups", async () => {
    expect(await keysOf(ids.partner)).toEqual([`USER:${ids.partner}`, `WORK_GROUP:${ids.group}`].sort());
  });

  it("portal administrators match the administrators subject", async () => {
    expect(await keysOf(ids.admin)).toEqual([`USER:${ids.admin}`, "ALL_EMPLOYEES:0", "ADMINS:0"].sort());
  });

  it("an unknown user matches only themself", async () => {
    expect(await keysOf(999_999)).toEqual(["USER:999999"]);
  });
});
