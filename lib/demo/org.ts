// The demo company: a 4-level department tree, ~330 employees (some in two departments),
// extranet partners, workgroups and user groups. Fixed sign-ins are listed in README.md.
import type { Db } from "../db.ts";
import { emailLocalPart } from "../utils.ts";
import { FIRST_NAMES, LAST_NAMES, POSITIONS } from "./names.ts";
import type { Random } from "./random.ts";

interface DepartmentSpec {
  name: string;
  size: number;
  area: keyof typeof POSITIONS;
  /** False: the department has no head of its own; its people report to the head above. */
  hasHead?: boolean;
  children?: DepartmentSpec[];
}

const TREE: DepartmentSpec = {
  name: "Northwind Trading",
  size: 4,
  area: "Management",
  children: [
    {
      name: "Sales",
      size: 6,
      area: "Sales",
      children: [
        {
          name: "Sales Germany",
          size: 8,
          area: "Sales",
          children: [
            { name: "Key Accounts DACH", size: 12, area: "Sales" },
            { name: "Inside Sales DACH", size: 14, area: "Sales" },
          ],
        },
        {
          name: "Sales Italy",
          size: 10,
          area: "Sales",
          children: [{ name: "Key Accounts Italy", size: 9, area: "Sales" }],
        },
        { name: "Sales Middle East", size: 11, area: "Sales" },
        { name: "Sales Operations", size: 7, area: "Sales", hasHead: false },
      ],
    },
    {
      name: "Marketing",
      size: 5,
      area: "Marketing",
      children: [
        { name: "Brand & Content", size: 9, area: "Marketing" },
        { name: "Performance Marketing", size: 8, area: "Marketing" },
        { name: "Events", size: 6, area: "Marketing", hasHead: false },
      ],
    },
    {
      name: "Customer Support",
      size: 6,
      area: "Support",
      children: [
        { name: "First-level Support", size: 20, area: "Support" },
        {
          name: "Technical Support",
          size: 12,
          area: "Support",
          children: [{ name: "Telephony Support", size: 10, area: "Support" }],
        },
        { name: "Quality Assurance", size: 7, area: "Support" },
      ],
    },
    {
      name: "Engineering",
      size: 6,
      area: "Engineering",
      children: [
        { name: "Platform", size: 14, area: "Engineering" },
        { name: "Mail Integrations", size: 12, area: "Engineering" },
        { name: "Web Console", size: 12, area: "Engineering" },
        {
          name: "Infrastructure",
          size: 8,
          area: "Engineering",
          children: [{ name: "Site Reliability", size: 8, area: "Engineering" }],
        },
      ],
    },
    {
      name: "Finance",
      size: 4,
      area: "Finance",
      children: [
        { name: "Accounting", size: 10, area: "Finance" },
        { name: "Controlling", size: 7, area: "Finance" },
      ],
    },
    { name: "Human Resources", size: 6, area: "People", children: [{ name: "Recruiting", size: 7, area: "People" }] },
    { name: "Legal & Compliance", size: 6, area: "Legal" },
  ],
};

/** The fixed demo sign-ins (password "demo"), with where they sit in the company. */
export const DEMO_ACCOUNTS = {
  admin: {
    email: "admin@demo.test",
    firstName: "Ada",
    lastName: "Fischer",
    department: "Infrastructure",
    position: "IT Administrator",
  },
  headSales: {
    email: "head.sales@demo.test",
    firstName: "Sofia",
    lastName: "Marino",
    department: "Sales",
    position: "Head of Sales",
  },
  employee: {
    email: "employee@demo.test",
    firstName: "Jonas",
    lastName: "Weber",
    department: "Inside Sales DACH",
    position: "Sales Representative",
  },
  telephony: {
    email: "telephony@demo.test",
    firstName: "Karim",
    lastName: "Nasser",
    department: "Telephony Support",
    position: "Telephony Administrator",
  },
  external: {
    email: "external@demo.test",
    firstName: "Emma",
    lastName: "Hall",
    department: null,
    position: "Reseller, Brightside Media",
  },
} as const;

export interface DemoOrg {
  departments: { id: number; name: string; path: string; headId: number | null }[];
  employees: { id: number; firstName: string; lastName: string; email: string; status: string }[];
  externals: number[];
  accounts: Record<keyof typeof DEMO_ACCOUNTS, number>;
}

interface Person {
  email: string;
  firstName: string;
  lastName: string;
  position: string;
  status: "INVITED" | "ACTIVE" | "DEACTIVATED";
  phones: string[];
  passwordHash: string | null;
  lastActivityAt: Date | null;
  deactivatedAt: Date | null;
}

function phone(random: Random, country: "49" | "39" | "971"): string {
  return `+${country}${random.int(20, 89)}${random.int(1000000, 9999999)}`;
}

export async function seedOrganisation(db: Db, random: Random, passwordHash: string, now: Date): Promise<DemoOrg> {
  const usedEmails = new Set<string>(Object.values(DEMO_ACCOUNTS).map((account) => account.email));
  const makePerson = (area: keyof typeof POSITIONS): Person => {
    const firstName: string = random.pick(FIRST_NAMES);
    const lastName: string = random.pick(LAST_NAMES);
    let email = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}@demo.test`;
    for (let n = 2; usedEmails.has(email); n += 1)
      email = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}${n}@demo.test`;
    usedEmails.add(email);
    const roll = random.next();
    const status = roll < 0.03 ? "INVITED" : roll < 0.06 ? "DEACTIVATED" : "ACTIVE";
    return {
      email,
      firstName,
      lastName,
      position: random.pick(POSITIONS[area]!),
      status: status as "INVITED" | "ACTIVE" | "DEACTIVATED",
      phones: [phone(random, random.pick(["49", "39", "971"] as const))],
      passwordHash: status === "INVITED" ? null : passwordHash,
      lastActivityAt: status === "ACTIVE" ? new Date(now.getTime() - random.int(5, 60 * 24 * 30) * 60_000) : null,
      // Within the first 22 days: the demo starts with no deactivation deadline due (the worker
      // would otherwise warn about or disconnect demo mailboxes on its first tick).
      deactivatedAt: status === "DEACTIVATED" ? new Date(now.getTime() - random.int(1, 22) * 86_400_000) : null,
    };
  };

  const departments: DemoOrg["departments"] = [];
  const members = new Map<number, number[]>();
  const employees: DemoOrg["employees"] = [];
  const accounts = {} as DemoOrg["accounts"];

  const createUsers = async (people: Person[]) => {
    const created = await db.user.createManyAndReturn({
      data: people,
      select: { id: true, firstName: true, lastName: true, email: true, status: true },
    });
    employees.push(...created);
    return created;
  };

  const walk = async (spec: DepartmentSpec, parent: { id: number; path: string } | null, depth: number) => {
    const department = await db.department.create({
      data: {
        name: spec.name,
        parentId: parent?.id ?? null,
        depth,
        path: `pending:${spec.name}`,
        sort: departments.length,
      },
    });
    const path = `${parent?.path ?? "/"}${department.id}/`;
    await db.department.update({ where: { id: department.id }, data: { path } });
    const fixed = Object.entries(DEMO_ACCOUNTS).filter(([, account]) => account.department === spec.name);
    const fixedUsers = await createUsers(
      fixed.map(([, account]) => ({
        ...makePerson(spec.area),
        email: account.email,
        firstName: account.firstName,
        lastName: account.lastName,
        position: account.position,
        status: "ACTIVE" as const,
        passwordHash,
        lastActivityAt: now,
        deactivatedAt: null,
      })),
    );
    for (const [index, [key]] of fixed.entries()) accounts[key as keyof typeof DEMO_ACCOUNTS] = fixedUsers[index]!.id;
    const others = await createUsers(Array.from({ length: Math.round(spec.size * 1.25) }, () => makePerson(spec.area)));
    const people = [...fixedUsers, ...others];
    members.set(
      department.id,
      people.map((person) => person.id),
    );
    // The head is the first active person; a named demo head (head.sales) takes precedence.
    const headCandidate =
      spec.name === DEMO_ACCOUNTS.headSales.department
        ? accounts.headSales
        : people.find(
            (person) => person.status === "ACTIVE" && person.id !== accounts.employee && person.id !== accounts.admin,
          )?.id;
    const headId = spec.hasHead === false ? null : (headCandidate ?? null);
    if (headId) await db.department.update({ where: { id: department.id }, data: { headId } });
    departments.push({ id: department.id, name: spec.name, path, headId });
    for (const child of spec.children ?? []) await walk(child, { id: department.id, path }, depth + 1);
  };
  await walk(TREE, null, 0);

  // About one in fifteen employees also works in a second department.
  const memberships = [...members.entries()].flatMap(([departmentId, ids]) =>
    ids.map((userId) => ({ departmentId, userId })),
  );
  for (const membership of [...memberships]) {
    if (membership.userId === accounts.employee || !random.chance(1 / 15)) continue;
    const other = random.pick(departments);
    if (other.id !== membership.departmentId) memberships.push({ departmentId: other.id, userId: membership.userId });
  }
  // The head of Legal is not a member of it: heads count for their department either way.
  const legal = departments.find((department) => department.name === "Legal & Compliance")!;
  const legalHead = legal.headId;
  await db.departmentMember.createMany({
    data: memberships.filter(
      (membership) => !(membership.departmentId === legal.id && membership.userId === legalHead),
    ),
    skipDuplicates: true,
  });

  await db.user.update({ where: { id: accounts.admin }, data: { isPortalAdmin: true } });
  return { departments, employees, externals: [], accounts };
}
