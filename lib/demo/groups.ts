// Workgroups (two of them external, with extranet partners) and user groups.
import type { Db } from "../db.ts";
import { DEMO_ACCOUNTS, type DemoOrg } from "./org.ts";
import type { Random } from "./random.ts";

const PARTNERS = [
  { firstName: "Emma", lastName: "Hall", company: "Brightside Media" },
  { firstName: "Pietro", lastName: "Valli", company: "Brightside Media" },
  { firstName: "Rania", lastName: "Aziz", company: "Brightside Media" },
  { firstName: "Tom", lastName: "Becker", company: "Reseller Nord GmbH" },
  { firstName: "Giada", lastName: "Fontana", company: "Reseller Sud S.r.l." },
  { firstName: "Samir", lastName: "Khalil", company: "Gulf Distribution LLC" },
  { firstName: "Nina", lastName: "Lorenz", company: "Reseller Nord GmbH" },
  { firstName: "Oliver", lastName: "Grant", company: "Brightside Media" },
];

export async function seedGroups(db: Db, random: Random, org: DemoOrg, passwordHash: string, now: Date) {
  const externals = await db.user.createManyAndReturn({
    data: PARTNERS.map((partner, index) => ({
      email:
        index === 0
          ? DEMO_ACCOUNTS.external.email
          : `${partner.firstName.toLowerCase()}.${partner.lastName.toLowerCase()}@partner.demo.test`,
      firstName: partner.firstName,
      lastName: partner.lastName,
      position: `${index === 0 ? "Account Director" : "Partner"}, ${partner.company}`,
      kind: "EXTERNAL" as const,
      status: index === 6 ? ("INVITED" as const) : ("ACTIVE" as const),
      passwordHash: index === 6 ? null : passwordHash,
      lastActivityAt: index === 6 ? null : new Date(now.getTime() - random.int(10, 60 * 24 * 10) * 60_000),
    })),
    select: { id: true },
  });
  org.externals = externals.map((user) => user.id);
  org.accounts.external = externals[0]!.id;

  const active = org.employees.filter((employee) => employee.status === "ACTIVE").map((employee) => employee.id);
  const groups = [
    {
      name: "Product Launch 2027",
      description: "Cross-team launch of the new reseller portal",
      isProject: true,
      isExternal: false,
      size: 24,
    },
    {
      name: "Office Move Berlin",
      description: "Planning the move to the new Berlin office",
      isProject: false,
      isExternal: false,
      size: 15,
    },
    {
      name: "Mail Migration",
      description: "Moving every team's mailboxes to the new mail server",
      isProject: true,
      isExternal: false,
      size: 12,
    },
    {
      name: "Partner Portal – Resellers",
      description: "Shared space with our reseller partners",
      isProject: false,
      isExternal: true,
      size: 6,
    },
    {
      name: "Agency Collaboration – Brightside",
      description: "Campaigns with Brightside Media",
      isProject: true,
      isExternal: true,
      size: 5,
    },
  ];
  for (const group of groups) {
    const employees = random.sample(active, group.size);
    const partners = group.isExternal
      ? group.name.includes("Brightside")
        ? [externals[0]!.id, externals[1]!.id, externals[2]!.id, externals[7]!.id]
        : [externals[0]!.id, externals[3]!.id, externals[4]!.id, externals[5]!.id, externals[6]!.id]
      : [];
    await db.workGroup.create({
      data: {
        name: group.name,
        description: group.description,
        isProject: group.isProject,
        isExternal: group.isExternal,
        members: {
          create: [
            ...employees.map((userId, index) => ({
              userId,
              role: index === 0 ? ("OWNER" as const) : index < 3 ? ("MODERATOR" as const) : ("MEMBER" as const),
            })),
            ...partners.map((userId) => ({ userId, role: "MEMBER" as const })),
          ],
        },
      },
    });
  }

  const userGroups = [
    { name: "Night shift", description: "Support agents on the night rota", size: 18 },
    { name: "Works council", description: "Elected employee representatives", size: 9 },
    { name: "Mobile workers", description: "Field sales and technicians who work mostly on the road", size: 30 },
  ];
  for (const group of userGroups) {
    await db.userGroup.create({
      data: {
        name: group.name,
        description: group.description,
        members: { create: random.sample(active, group.size).map((userId) => ({ userId })) },
      },
    });
  }
}
