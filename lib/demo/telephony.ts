// Demo CRM contacts and leads, a telephony administrator, and a month of calls.
import type { Db } from "../db.ts";
import { FIRST_NAMES, LAST_NAMES } from "./names.ts";
import type { DemoOrg } from "./org.ts";
import type { Random } from "./random.ts";

const CLIENT_COMPANIES = [
  "Alpenblick Hotels",
  "Costa Verde Foods",
  "Desert Rose Trading",
  "Hanse Logistik",
  "Lago Maggiore Tours",
  "Palm Grove Retail",
  "Rheinwerk Tools",
  "Sole Mio Café",
  "Atlas Medical",
  "Nordlicht Energie",
];

export async function seedTelephony(db: Db, random: Random, org: DemoOrg, now: Date) {
  const clientPhone = () => `+${random.pick(["49", "39", "971"])}${random.int(100, 999)}${random.int(100000, 999999)}`;
  const active = org.employees.filter((employee) => employee.status === "ACTIVE").map((employee) => employee.id);
  const contacts = Array.from({ length: 160 }, () => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const company = random.pick(CLIENT_COMPANIES);
    return {
      name: `${firstName} ${lastName} (${company})`,
      emails: [`${firstName.toLowerCase()}@${company.toLowerCase().replace(/[^a-z]/g, "")}.example`],
      company,
      phones: [clientPhone()],
      responsibleId: random.pick(active),
      source: random.pick(["Email", "Call", "Website", "Trade fair"]),
      createdAt: new Date(now.getTime() - random.int(1, 400) * 86_400_000),
    };
  });
  await db.crmContact.createMany({ data: contacts });
  const leads = Array.from({ length: 90 }, (_, index) => ({
    title: `${random.pick(["Quote request", "Demo request", "Partnership enquiry", "Support contract"])} #${1000 + index}`,
    name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    phones: [clientPhone()],
    responsibleId: random.pick(active),
    source: random.pick(["Email", "Call", "Website"]),
    createdAt: new Date(now.getTime() - random.int(1, 90) * 86_400_000),
  }));
  await db.crmLead.createMany({ data: leads });

  // The demo telephony administrator holds the telephony Administrator role personally.
  const telephonyAdmin = await db.role.findUniqueOrThrow({
    where: { module_systemCode: { module: "TELEPHONY", systemCode: "ADMIN" } },
  });
  await db.roleAssignment.create({
    data: { roleId: telephonyAdmin.id, subjectKind: "USER", subjectRefId: org.accounts.telephony },
  });

  const employeePhones = (await db.user.findMany({ where: { kind: "EMPLOYEE" }, select: { phones: true } })).flatMap(
    (user) => user.phones,
  );
  const callers = [...active, ...active.slice(0, 60)]; // the first departments (management, sales) call more
  const calls = Array.from({ length: 2400 }, (_, index) => {
    const roll = random.next();
    const status = roll < 0.7 ? "ANSWERED" : roll < 0.9 ? "MISSED" : roll < 0.95 ? "BUSY" : "FAILED";
    const who = random.next();
    const phoneNumber =
      who < 0.5 ? random.pick(contacts).phones[0]! : who < 0.7 ? random.pick(employeePhones) : clientPhone();
    return {
      externalId: `demo-${index + 1}`,
      employeeId: random.pick(callers),
      direction: random.chance(0.55) ? ("INCOMING" as const) : ("OUTGOING" as const),
      status: status as "ANSWERED" | "MISSED" | "BUSY" | "FAILED",
      phoneNumber,
      lineNumber: random.pick(["+4930555100", "+390255510", "+97145551000"]),
      startedAt: new Date(now.getTime() - random.int(1, 60 * 24 * 30) * 60_000),
      durationSeconds: status === "ANSWERED" ? Math.round(random.logUniform(15, 1800)) : 0,
    };
  });
  await db.call.createMany({ data: calls });
}
