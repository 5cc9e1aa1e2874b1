import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createMailbox, createUser } from "../../tests/factories.ts";
import { type Access, loadAccess } from "../access/access.ts";
import { db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { deleteDepartment, saveDepartment } from "./departments.ts";
import { saveEmployee } from "./employees.ts";
import { deleteWorkGroup, saveUserGroup, saveWorkGroup } from "./groups.ts";
import { setUserLimit } from "./limits.ts";
import { departmentInput, employeeInput, userGroupInput, workGroupInput } from "./schemas.ts";
import { visibleWorkGroups, workGroupDetail } from "./workgroup-views.ts";

const lastAudit = (action: string) => db.auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("organisation management (real database)", () => {
  let admin: Access;
  let employee: Access;
  let rootId: number;
  let salesId: number;
  beforeAll(async () => {
    admin = await loadAccess(db, (await createUser(db, { isPortalAdmin: true })).id);
    employee = await loadAccess(db, (await createUser(db)).id);
    rootId = (await createDepartment(db, { name: "Company" })).id;
    salesId = (await createDepartment(db, { name: "Sales", parentId: rootId })).id;
  });

  it("creates and edits an employee with departments, audited; a taken address is a field error", async () => {
    const input = employeeInput.parse({
      email: " Nina.Neu@Example.com ",
      firstName: "Nina",
      lastName: "Neu",
      position: "Buyer",
      phones: ["+49 (30) 123-45"],
      departmentIds: [salesId],
    });
    const { id } = await saveEmployee(db, admin, input);
    const saved = await db.user.findUniqueOrThrow({ where: { id }, include: { departmentMemberships: true } });
    expect(saved).toMatchObject({ email: "nina.neu@example.com", phones: ["+493012345"], kind: "EMPLOYEE" });
    expect(saved.departmentMemberships.map((membership) => membership.departmentId)).toEqual([salesId]);
    expect((await lastAudit("employee.create"))?.entityId).toBe(String(id));

    await saveEmployee(db, admin, { ...input, id, position: "Head buyer", departmentIds: [rootId] });
    const audit = await lastAudit("employee.update");
    expect(audit?.before).toMatchObject({ position: "Buyer", departmentIds: [salesId] });
    expect(audit?.after).toMatchObject({ position: "Head buyer", departmentIds: [rootId] });

    const taken = await refusal(saveEmployee(db, admin, { ...input, email: "nina.neu@example.com" }));
    expect(taken.fieldErrors).toEqual({ email: "emailTaken" });
    const self = await refusal(saveEmployee(db, admin, { ...input, id: admin.userId, isPortalAdmin: false }));
    expect(self.fieldErrors).toEqual({ isPortalAdmin: "cannotDemoteSelf" });
  });

  it("refuses every change to non-administrators and writes nothing", async () => {
    const before = await db.auditEvent.count();
    const employeeInputValue = employeeInput.parse({ email: "x@example.com", firstName: "X", lastName: "Y" });
    for (const attempt of [
      saveEmployee(db, employee, employeeInputValue),
      saveDepartment(db, employee, departmentInput.parse({ name: "Rogue", parentId: rootId })),
      deleteDepartment(db, employee, salesId),
      saveWorkGroup(db, employee, workGroupInput.parse({ name: "Rogue" })),
      saveUserGroup(db, employee, userGroupInput.parse({ name: "Rogue" })),
    ]) {
      expect((await refusal(attempt)).code).toBe("FORBIDDEN");
    }
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.user.count({ where: { email: "x@example.com" } })).toBe(0);
  });

  it("sets the user limit for administrators only, audited", async () => {
    expect((await refusal(setUserLimit(db, employee, 5))).code).toBe("FORBIDDEN");
    expect(await db.organisationSettings.findUnique({ where: { id: 1 } })).toBeNull();
    await setUserLimit(db, admin, 500);
    await setUserLimit(db, admin, null);
    expect((await db.organisationSettings.findUniqueOrThrow({ where: { id: 1 } })).userLimit).toBeNull();
    const audit = await lastAudit("organisation.userLimit");
    expect([audit?.before, audit?.after]).toEqual([{ userLimit: 500 }, { userLimit: null }]);
  });

  it("moves a department with its subtree; the people's scopes follow at once", async () => {
    const head = await createUser(db);
    const member = await createUser(db);
    const finance = await saveDepartment(
      db,
      admin,
      departmentInput.parse({ name: "Finance", parentId: rootId, headId: head.id }),
    );
    const payroll = await saveDepartment(db, admin, departmentInput.parse({ name: "Payroll", parentId: finance.id }));
    await addMembers(db, payroll.id, [member.id]);
    const mailbox = await createMailbox(db, member.id);
    const salesHead = await createUser(db);
    await saveDepartment(
      db,
      admin,
      departmentInput.parse({ id: salesId, name: "Sales", parentId: rootId, headId: salesHead.id }),
    );
    // The sales head sees sub-department mailboxes only through a role; give them "with sub-departments".
    await db.role.create({
      data: {
        module: "WEBMAIL",
        name: "Heads see trees",
        permissions: { create: [{ key: "webmail.viewMailboxes", level: 20 }] },
        assignments: { create: [{ subjectKind: "ALL_HEADS", subjectRefId: 0 }] },
      },
    });
    const seesBefore = (await (await loadAccess(db, salesHead.id)).mailboxes("view")).allows(mailbox);
    expect(seesBefore).toBe(false);

    await saveDepartment(
      db,
      admin,
      departmentInput.parse({ id: finance.id, name: "Finance & Payroll", parentId: salesId, headId: head.id }),
    );
    const moved = await db.department.findUniqueOrThrow({ where: { id: payroll.id } });
    const sales = await db.department.findUniqueOrThrow({ where: { id: salesId } });
    expect(moved.path).toBe(`${sales.path}${finance.id}/${payroll.id}/`);
    expect(moved.depth).toBe(sales.depth + 2);
    expect((await (await loadAccess(db, salesHead.id)).mailboxes("view")).allows(mailbox)).toBe(true);
    expect((await lastAudit("department.update"))?.after).toMatchObject({
      name: "Finance & Payroll",
      parentId: salesId,
    });

    const loop = await refusal(
      saveDepartment(db, admin, departmentInput.parse({ id: salesId, name: "Sales", parentId: payroll.id })),
    );
    expect(loop.fieldErrors).toEqual({ parentId: "parentInsideSubtree" });
  });

  it("deletes a department only when it has no members and no sub-departments", async () => {
    const team = await saveDepartment(db, admin, departmentInput.parse({ name: "Team", parentId: rootId }));
    const person = await createUser(db);
    await addMembers(db, team.id, [person.id]);
    expect((await refusal(deleteDepartment(db, admin, team.id))).code).toBe("CONFLICT");
    expect((await refusal(deleteDepartment(db, admin, rootId))).code).toBe("CONFLICT");
    await db.departmentMember.deleteMany({ where: { departmentId: team.id } });
    await db.roleAssignment.create({
      data: {
        role: { create: { module: "WEBMAIL", name: "Team role" } },
        subjectKind: "DEPARTMENT",
        subjectRefId: team.id,
      },
    });
    await deleteDepartment(db, admin, team.id);
    expect(await db.department.findUnique({ where: { id: team.id } })).toBeNull();
    expect(await db.roleAssignment.count({ where: { subjectKind: "DEPARTMENT", subjectRefId: team.id } })).toBe(0);
    expect((await lastAudit("department.delete"))?.entityId).toBe(String(team.id));
  });

  it("keeps external users out of internal workgroups; roles are stored and audited", async () => {
    const partner = await createUser(db, { kind: "EXTERNAL" });
    const owner = await createUser(db);
    const internal = await refusal(
      saveWorkGroup(
        db,
        admin,
        workGroupInput.parse({ name: "Internal", members: [{ userId: partner.id, role: "MEMBER" }] }),
      ),
    );
    expect(internal.fieldErrors).toEqual({ members: "externalInInternalGroup" });
    const group = await saveWorkGroup(
      db,
      admin,
      workGroupInput.parse({
        name: "Partner project",
        isExternal: true,
        members: [
          { userId: owner.id, role: "OWNER" },
          { userId: partner.id, role: "MEMBER" },
        ],
      }),
    );
    expect(await db.workGroupMember.findMany({ where: { workGroupId: group.id }, orderBy: { userId: "asc" } })).toEqual(
      [
        { workGroupId: group.id, userId: partner.id, role: "MEMBER" },
        { workGroupId: group.id, userId: owner.id, role: "OWNER" },
      ].sort((a, b) => a.userId - b.userId),
    );
    expect((await lastAudit("workgroup.create"))?.entityId).toBe(String(group.id));
    expect((await refusal(deleteWorkGroup(db, admin, group.id))).code).toBe("CONFLICT");
  });

  it("saves user groups with members; a duplicate name is a field error", async () => {
    const a = await createUser(db);
    const group = await saveUserGroup(
      db,
      admin,
      userGroupInput.parse({ name: "Night shift", memberIds: [a.id, a.id] }),
    );
    expect(await db.userGroupMember.count({ where: { userGroupId: group.id } })).toBe(1);
    expect((await lastAudit("usergroup.create"))?.after).toMatchObject({ memberIds: [a.id] });
    const duplicate = await refusal(saveUserGroup(db, admin, userGroupInput.parse({ name: "Night shift" })));
    expect(duplicate.fieldErrors).toEqual({ name: "nameTaken" });
  });

  it("shows external users only their external groups and those members; employees the internal ones", async () => {
    const partner = await createUser(db, { kind: "EXTERNAL" });
    const colleague = await createUser(db);
    const theirs = await saveWorkGroup(
      db,
      admin,
      workGroupInput.parse({
        name: "Extranet A",
        isExternal: true,
        members: [
          { userId: partner.id, role: "MEMBER" },
          { userId: colleague.id, role: "OWNER" },
        ],
      }),
    );
    const other = await saveWorkGroup(db, admin, workGroupInput.parse({ name: "Extranet B", isExternal: true }));
    const internal = await saveWorkGroup(
      db,
      admin,
      workGroupInput.parse({ name: "Internal C", members: [{ userId: colleague.id, role: "MEMBER" }] }),
    );
    const partnerAccess = await loadAccess(db, partner.id);
    expect((await visibleWorkGroups(db, partnerAccess)).map((group) => group.id)).toEqual([theirs.id]);
    expect(
      (await workGroupDetail(db, partnerAccess, theirs.id)).members.map((member) => member.user.id).sort(),
    ).toEqual([partner.id, colleague.id].sort());
    for (const hidden of [other.id, internal.id]) {
      expect((await refusal(workGroupDetail(db, partnerAccess, hidden))).code).toBe("NOT_FOUND");
    }
    const seenByEmployee = (await visibleWorkGroups(db, employee)).map((group) => group.id);
    expect(seenByEmployee).toContain(internal.id);
    expect(seenByEmployee).not.toContain(other.id);
    expect((await visibleWorkGroups(db, admin)).map((group) => group.id)).toEqual(
      expect.arrayContaining([other.id, internal.id, theirs.id]),
    );
  });
});
