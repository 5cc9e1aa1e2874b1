// Demo CRM work (issue #12): some of the demo leads and contacts belong to the fixed sign-ins,
// with a history of emails and a few tasks — overdue, due soon, done — so the CRM pages have
// something to show before any mail arrives. Deterministic, like the rest of the seed.
import type { Db } from "../db.ts";
import type { DemoOrg } from "./org.ts";
import type { Random } from "./random.ts";

const SUBJECTS_IN = [
  "Question about the offer",
  "Re: Delivery date",
  "Invoice query",
  "Meeting next week",
  "Samples arrived",
];
const SUBJECTS_OUT = ["Our offer", "Re: Question about the offer", "Order confirmation", "Price list 2027"];
const TASKS = [
  "Call back about the offer",
  "Send the updated price list",
  "Prepare the contract draft",
  "Check the delivery date with logistics",
  "Schedule a demo",
];
const DAY = 86_400_000;

export async function seedCrm(db: Db, random: Random, org: DemoOrg, now: Date) {
  const { admin, headSales, employee } = org.accounts;
  const leads = await db.crmLead.findMany({ orderBy: { id: "asc" }, take: 14, select: { id: true, title: true } });
  const contacts = await db.crmContact.findMany({
    orderBy: { id: "asc" },
    take: 10,
    select: { id: true, name: true, emails: true },
  });
  // The sales representative and the head of Sales hold some of the records.
  const holder = (index: number) => (index % 3 === 2 ? headSales : employee);
  for (const [index, lead] of leads.entries())
    await db.crmLead.update({
      where: { id: lead.id },
      data: { responsibleId: holder(index), status: index % 5 === 4 ? "IN_PROGRESS" : "NEW" },
    });
  for (const [index, contact] of contacts.entries())
    await db.crmContact.update({ where: { id: contact.id }, data: { responsibleId: holder(index) } });

  const activities = contacts.flatMap((contact, index) =>
    Array.from({ length: random.int(1, 4) }, (_, step) => {
      const incoming = random.chance(0.6);
      return {
        kind: incoming ? ("EMAIL_IN" as const) : ("EMAIL_OUT" as const),
        contactId: contact.id,
        responsibleId: holder(index),
        subject: random.pick(incoming ? SUBJECTS_IN : SUBJECTS_OUT),
        fromAddress: incoming ? (contact.emails[0] ?? null) : null,
        toAddresses: incoming ? [] : contact.emails.slice(0, 1),
        occurredAt: new Date(now.getTime() - (step * 3 + random.int(1, 20)) * DAY - random.int(0, 600) * 60_000),
      };
    }),
  );
  await db.crmActivity.createMany({ data: activities });

  // Some of their calls were with these clients: the calls show on the records' timelines.
  const calls = await db.call.findMany({
    where: { employeeId: { in: [employee, headSales] } },
    orderBy: { id: "asc" },
    take: 16,
    select: { id: true, employeeId: true },
  });
  for (const [index, call] of calls.entries()) {
    const theirs = contacts.filter((_, position) => holder(position) === call.employeeId);
    const contact = theirs[index % Math.max(1, theirs.length)];
    if (contact)
      await db.call.update({ where: { id: call.id }, data: { crmEntityType: "contact", crmEntityId: contact.id } });
  }

  const tasks = [
    ...[0, 1, 2, 3].map((index) => ({ responsibleId: employee, index })),
    ...[4, 5, 6].map((index) => ({ responsibleId: headSales, index })),
  ].map(({ responsibleId, index }) => {
    const aboutLead = index % 2 === 0;
    const deadlineDays = [-2, 0, 3, 7, -1, 2, 5][index]!;
    return {
      title: TASKS[index % TASKS.length]!,
      description: "",
      responsibleId,
      createdById: index === 1 ? headSales : index === 5 ? admin : responsibleId,
      deadline: new Date(now.getTime() + deadlineDays * DAY),
      status: index === 3 ? ("DONE" as const) : ("OPEN" as const),
      completedAt: index === 3 ? new Date(now.getTime() - DAY) : null,
      leadId: aboutLead ? (leads[index]?.id ?? null) : null,
      contactId: aboutLead ? null : (contacts[index]?.id ?? null),
    };
  });
  await db.crmTask.createMany({ data: tasks });
}
