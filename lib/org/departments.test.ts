import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { departmentsOfUser, departmentTree, subtreeIds, subtreePeople, supervisorsOf } from "./departments.ts";

// Company ─┬─ Sales (head: salesHead) ─┬─ Sales DE (no head) ── Key Accounts (head: kaHead)
//          │                           └─ Sales IT (head: itHead, who is not a member)
//          └─ Finance (head: financeHead)
describe("department tree queries (real database)", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    for (const name of ["ceo", "salesHead", "kaHead", "itHead", "financeHead", "anna", "bruno", "carla", "dual"]) {
      ids[name] = (await createUser(db, { firstName: name })).id;
    }
    const company = await createDepartment(db, { name: "Company", headId: ids.ceo });
    const sales = await createDepartment(db, { name: "Sales", parentId: company.id, headId: ids.salesHead });
    const salesDe = await createDepartment(db, { name: "Sales DE", parentId: sales.id });
    const keyAccounts = await createDepartment(db, { name: "Key Accounts", parentId: salesDe.id, headId: ids.kaHead });
    const salesIt = await createDepartment(db, { name: "Sales IT", parentId: sales.id, headId: ids.itHead });
    const finance = await createDepartment(db, { name: "Finance", parentId: company.id, headId: ids.financeHead });
    Object.assign(ids, {
      company: company.id,
      sales: sales.id,
      salesDe: salesDe.id,
      keyAccounts: keyAccounts.id,
      salesIt: salesIt.id,
      finance: finance.id,
    });
    await addMembers(db, company.id, [ids.ceo]);
    await addMembers(db, sales.id, [ids.salesHead]);
    await addMembers(db, salesDe.id, [ids.anna, ids.dual]);
    await addMembers(db, keyAccounts.id, [ids.kaHead, ids.bruno]);
    await addMembers(db, salesIt.id, [ids.carla]);
    await addMembers(db, finance.id, [ids.financeHead, ids.dual]);
  });

  it("lists a subtree, root first", async () => {
    expect(await subtreeIds(db, ids.sales)).toEqual([ids.sales, ids.salesDe, ids.keyAccounts, ids.salesIt]);
    expect(await subtreeIds(db, ids.finance)).toEqual([ids.finance]);
  });

  it("finds everyone in a subtree: members and heads, counted once, including heads who are not members", async () => {
    const people = await subtreePeople(db, ids.sales);
    expect(people).toEqual(
      [ids.salesHead, ids.kaHead, ids.itHead, ids.anna, ids.bruno, ids.carla, ids.dual].sort((a, b) => a - b),
    );
    expect(await subtreePeople(db, ids.salesIt)).toEqual([ids.itHead, ids.carla].sort((a, b) => a - b));
  });

  it("returns every department of a person in two departments, and those a head leads without being a member", async () => {
    expect((await departmentsOfUser(db, ids.dual)).map((department) => department.name).sort()).toEqual([
      "Finance",
      "Sales DE",
    ]);
    expect((await departmentsOfUser(db, ids.itHead)).map((department) => department.name)).toEqual(["Sales IT"]);
  });

  it("finds supervisors: the head of each department, or the nearest head above", async () => {
    expect(await supervisorsOf(db, ids.anna)).toEqual([ids.salesHead]); // Sales DE has no head
    expect(await supervisorsOf(db, ids.bruno)).toEqual([ids.kaHead]);
    expect(await supervisorsOf(db, ids.kaHead)).toEqual([ids.salesHead]); // a head reports to the head above
    expect(await supervisorsOf(db, ids.dual)).toEqual([ids.salesHead, ids.financeHead].sort((a, b) => a - b));
    expect(await supervisorsOf(db, ids.ceo)).toEqual([]);
  });

  it("builds the tree with heads and member counts", async () => {
    const tree = await departmentTree(db);
    const sales = tree.find((node) => node.id === ids.sales)!;
    expect(sales.head?.id).toBe(ids.salesHead);
    expect(sales.directMembers).toBe(1);
    expect(sales.totalPeople).toBe(7);
    expect(tree.find((node) => node.id === ids.company)!.totalPeople).toBe(9);
    expect(tree.map((node) => node.name)).toEqual([
      "Company",
      "Sales",
      "Sales DE",
      "Key Accounts",
      "Sales IT",
      "Finance",
    ]);
  });
});
