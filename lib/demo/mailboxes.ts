// 600+ demo mailboxes with realistic sizes, unread counts, sync times (some never synced, some
// failing), CRM settings and sharing. They point at example hosts, so they are never scheduled
// for sync (autoSync = false); `npm run demo:mail` adds real ones on a local Dovecot.
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { encryptSecret, secretContext } from "../mail/secrets.ts";
import { reserveMailboxIds } from "../mailboxes/ids.ts";
import { emailLocalPart } from "../utils.ts";
import { slug } from "./names.ts";
import type { DemoOrg } from "./org.ts";
import type { Random } from "./random.ts";

const COMPANY_DOMAIN = "northwind.example";
const SALES_AREAS = ["Sales", "Key Accounts", "Inside Sales"];

const FAILURES = [
  { code: "TIMEOUT", status: "ERROR", text: "Connection timed out after 60 seconds (imap.northwind.example:993)" },
  { code: "HOST_NOT_FOUND", status: "ERROR", text: "getaddrinfo ENOTFOUND imap.old-provider.example" },
  { code: "TLS", status: "ERROR", text: "TLS handshake failed: certificate has expired" },
  { code: "AUTH_FAILED", status: "NEEDS_PASSWORD", text: "AUTHENTICATIONFAILED Authentication failed." },
] as const;

const PERSONAL_PROVIDERS = [
  { domain: "gmail.com", imap: "imap.gmail.com", smtp: "smtp.gmail.com" },
  { domain: "outlook.com", imap: "outlook.office365.com", smtp: "smtp.office365.com" },
  { domain: "yahoo.com", imap: "imap.mail.yahoo.com", smtp: "smtp.mail.yahoo.com" },
] as const;

type Draft = Omit<Prisma.MailboxCreateManyInput, "id" | "imapPasswordEnc">;

function syncState(random: Random, now: Date): Partial<Draft> {
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const roll = random.next();
  if (roll < 0.06) return { status: "PENDING", lastSyncAt: null };
  if (roll < 0.15) {
    const failure = random.pick(FAILURES);
    const lastSyncAt = random.chance(0.8) ? minutesAgo(random.int(60 * 24, 60 * 24 * 20)) : null;
    return {
      status: failure.status,
      lastSyncAt,
      lastError: failure.text,
      lastErrorCode: failure.code,
      lastErrorAt: minutesAgo(random.int(1, 50)),
      consecutiveFailures: failure.status === "ERROR" ? random.int(1, 8) : 1,
    };
  }
  const age = random.next();
  const minutes =
    age < 0.72
      ? random.int(0, 55)
      : age < 0.88
        ? random.int(60 * 24, 60 * 24 * 7)
        : random.int(60 * 24 * 8, 60 * 24 * 75);
  return { status: "OK", lastSyncAt: minutesAgo(minutes) };
}

function usage(random: Random) {
  const diskBytes = Math.round(random.logUniform(2 * 1024 ** 2, 14 * 1024 ** 3));
  const messageCount = Math.max(1, Math.round(diskBytes / random.int(45_000, 110_000)));
  const unreadCount = random.chance(0.22) ? 0 : Math.min(messageCount, Math.floor(random.logUniform(1, 4200)));
  return { diskBytes: BigInt(diskBytes), messageCount, unreadCount };
}

export async function seedMailboxes(db: Db, random: Random, org: DemoOrg, now: Date): Promise<number> {
  const people = org.employees.filter((employee) => employee.status !== "INVITED");
  const membersOf = new Map<number, number[]>();
  for (const row of await db.departmentMember.findMany({ select: { departmentId: true, userId: true } })) {
    membersOf.set(row.departmentId, [...(membersOf.get(row.departmentId) ?? []), row.userId]);
  }
  const drafts: { draft: Draft; access: Prisma.MailboxAccessCreateManyInput[]; queue: number[] }[] = [];
  const base = (ownerId: number, email: string, imapHost: string, smtpHost: string): Draft => ({
    ownerId,
    connectedById: random.chance(0.3) ? org.accounts.admin : ownerId,
    email,
    name: email,
    imapHost,
    imapPort: 993,
    imapSecurity: "SSL",
    imapLogin: email,
    smtpEnabled: true,
    smtpHost,
    smtpPort: 465,
    smtpSecurity: "SSL",
    autoSync: false,
    syncPeriodDays: random.pick([7, 7, 7, 30, 90, null]),
    createdAt: new Date(now.getTime() - random.int(10, 700) * 86_400_000),
    ...syncState(random, now),
    ...usage(random),
  });

  for (const person of people) {
    const local = `${emailLocalPart(person.firstName)}.${emailLocalPart(person.lastName)}${person.email.match(/\d+(?=@)/)?.[0] ?? ""}`;
    const work = base(person.id, `${local}@${COMPANY_DOMAIN}`, `imap.${COMPANY_DOMAIN}`, `smtp.${COMPANY_DOMAIN}`);
    work.senderName = `${person.firstName} ${person.lastName} | Northwind`;
    drafts.push({ draft: work, access: [], queue: [] });
    if (random.chance(0.7)) {
      const provider = random.pick(PERSONAL_PROVIDERS);
      const extra = base(person.id, `${local}.northwind@${provider.domain}`, provider.imap, provider.smtp);
      extra.name = `${person.firstName} (${provider.domain})`;
      extra.senderName = `${person.firstName} ${person.lastName}`;
      drafts.push({ draft: extra, access: [], queue: [] });
    }
    if (random.chance(0.12)) {
      const archive = base(
        person.id,
        `${local}.archive@${COMPANY_DOMAIN}`,
        `imap.${COMPANY_DOMAIN}`,
        `smtp.${COMPANY_DOMAIN}`,
      );
      archive.name = `${person.firstName} ${person.lastName} – Archive`;
      archive.smtpEnabled = false;
      drafts.push({ draft: archive, access: [], queue: [] });
    }
  }

  // A team mailbox per department with a head, shared with the department.
  for (const department of org.departments) {
    if (!department.headId) continue;
    const team = base(
      department.headId,
      `${slug(department.name)}@${COMPANY_DOMAIN}`,
      `imap.${COMPANY_DOMAIN}`,
      `smtp.${COMPANY_DOMAIN}`,
    );
    team.name = department.name;
    team.senderName = `Northwind ${department.name}`;
    const isSales = SALES_AREAS.some((area) => department.name.includes(area));
    drafts.push({
      draft: { ...team, crmEnabled: isSales },
      access: [{ mailboxId: 0, subjectKind: "DEPARTMENT", subjectRefId: department.id }],
      queue: isSales ? random.sample(membersOf.get(department.id) ?? [], 3) : [],
    });
  }

  // CRM and sharing on personal mailboxes: colleagues from the owner's departments.
  const departmentOf = new Map<number, number>();
  for (const [departmentId, ids] of membersOf)
    for (const id of ids) if (!departmentOf.has(id)) departmentOf.set(id, departmentId);
  for (const entry of drafts) {
    if (entry.access.length > 0) continue;
    const colleagues = (membersOf.get(departmentOf.get(entry.draft.ownerId) ?? 0) ?? []).filter(
      (id) => id !== entry.draft.ownerId,
    );
    if (random.chance(0.35)) {
      entry.draft.crmEnabled = true;
      entry.queue = [entry.draft.ownerId, ...random.sample(colleagues, random.int(0, 2))];
    }
    if (random.chance(0.15) && colleagues.length > 0) {
      entry.access = random
        .sample(colleagues, random.int(1, 3))
        .map((userId) => ({ mailboxId: 0, subjectKind: "USER" as const, subjectRefId: userId }));
    }
  }

  const ids = await reserveMailboxIds(db, drafts.length);
  await db.mailbox.createMany({
    data: drafts.map(({ draft }, index) => ({
      ...draft,
      id: ids[index]!,
      imapPasswordEnc: encryptSecret(`demo-${random.int(100000, 999999)}`, secretContext(ids[index]!, "imapPassword")),
    })),
  });
  await db.mailboxAccess.createMany({
    data: drafts.flatMap(({ access }, index) => access.map((share) => ({ ...share, mailboxId: ids[index]! }))),
  });
  await db.mailboxCrmQueueMember.createMany({
    data: drafts.flatMap(({ queue }, index) =>
      queue.map((userId, position) => ({ mailboxId: ids[index]!, userId, position })),
    ),
    skipDuplicates: true,
  });
  return drafts.length;
}
