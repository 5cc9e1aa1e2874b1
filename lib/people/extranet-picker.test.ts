// The extranet seal in the subject picker (SPEC §7): an external user finds only the members of
// their own external workgroups and those groups; no department, no user group, no other person.
import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createUser } from "../../tests/factories.ts";
import { loadAccess } from "../access/access.ts";
import { searchSubjects } from "../access/subject-directory.ts";
import { db } from "../db.ts";

describe("subject picker for an extranet user (real database)", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    const person = (key: string, kind: "EMPLOYEE" | "EXTERNAL" = "EMPLOYEE") =>
      createUser(db, { email: `${key}@seal.test`, firstName: "Zephyr", lastName: key, kind });
    for (const key of ["insider", "stranger", "colleague"]) ids[key] = (await person(key)).id;
    ids.partner = (await person("partner", "EXTERNAL")).id;
    ids.otherPartner = (await person("otherPartner", "EXTERNAL")).id;
    const department = await createDepartment(db, { name: "Zephyr department" });
    await addMembers(db, department.id, [ids.insider!]);
    ids.theirGroup = (
      await db.workGroup.create({
        data: {
          name: "Zephyr shared project",
          isExternal: true,
          members: { create: [{ userId: ids.partner! }, { userId: ids.insider!, role: "OWNER" }] },
        },
      })
    ).id;
    ids.otherGroup = (
      await db.workGroup.create({
        data: { name: "Zephyr other project", isExternal: true, members: { create: [{ userId: ids.otherPartner! }] } },
      })
    ).id;
    await db.workGroup.create({ data: { name: "Zephyr internal", members: { create: [{ userId: ids.colleague! }] } } });
    await db.userGroup.create({ data: { name: "Zephyr user group", members: { create: [{ userId: ids.insider! }] } } });
  });

  it("finds only their groups' members and their groups", async () => {
    const result = await searchSubjects(db, await loadAccess(db, ids.partner!), "Zephyr");
    expect(result.users.map((label) => label.refId).sort()).toEqual([ids.partner, ids.insider].sort());
    expect(result.workGroups.map((label) => label.refId)).toEqual([ids.theirGroup]);
    expect(result.departments).toEqual([]);
    expect(result.userGroups).toEqual([]);
    const empty = await searchSubjects(db, await loadAccess(db, ids.partner!), "");
    expect(empty.users.map((label) => label.refId).sort()).toEqual([ids.partner, ids.insider].sort());
  });

  it("leaves employees' search as it was: employees and internal groups, no extranet", async () => {
    const result = await searchSubjects(db, await loadAccess(db, ids.colleague!), "Zephyr");
    expect(result.users.map((label) => label.refId)).not.toContain(ids.partner);
    expect(result.users.map((label) => label.refId)).toContain(ids.stranger);
    expect(result.departments.length).toBe(1);
    expect(result.workGroups.map((label) => label.refId)).not.toContain(ids.theirGroup);
  });
});
