// A local mail server for the demo: when Dovecot is installed, a few demo mailboxes (the fixed
// sign-ins' work mailboxes and a team mailbox) point at it and really sync. All other demo
// mailboxes point at example hosts and are never scheduled, so the demo shows no mass errors.
import path from "node:path";
import { DATA_DIR } from "./database.ts";
import { Dovecot, type SeedMessage } from "./dovecot.ts";
import { type MailSpec, rawMessage } from "./mail-message.ts";
import { reachableDir, socketDir } from "./runtime-paths.ts";

type Database = typeof import("../../lib/db.ts").db;

const DEMO_OWNERS = ["admin@demo.test", "head.sales@demo.test", "employee@demo.test", "telephony@demo.test"];
const DEMO_PASSWORD = "demo-mail";

const SENDERS = [
  "Anna Schmidt <anna.schmidt@alpenblick.example>",
  "Marco Rossi <marco@costaverde.example>",
  "Layla Haddad <layla@desertrose.example>",
  "Billing <billing@hanse-logistik.example>",
  "Support <support@rheinwerk.example>",
];
const SUBJECTS = [
  "Quote for the spring order",
  "Re: Delivery schedule",
  "Invoice {n} attached",
  "Meeting notes",
  "Question about the new price list",
  "Re: Re: Samples",
  "Contract renewal",
  "Trade fair booth",
];

function demoMessages(count: number, offsetDays: number): SeedMessage[] {
  return Array.from({ length: count }, (_, index) => ({
    from: SENDERS[index % SENDERS.length],
    subject: SUBJECTS[index % SUBJECTS.length]!.replace("{n}", String(4100 + index)),
    date: new Date(Date.now() - (offsetDays + index * 0.3) * 86_400_000),
    flags: index % 4 === 0 ? [] : index % 9 === 0 ? ["S", "F"] : ["S"],
    padding: 300 + (index % 13) * 900,
  }));
}

// CRM (issue #12): the head of Sales' and the sales representative's mailboxes are linked to the
// CRM, and their inboxes hold mail from new senders of the last days — the first start shows leads
// made from mail, spread over a distribution queue. The administrator's and the telephony
// administrator's mailboxes stay unlinked, so linking one can be tried (and is, by the e2e tests).
const CRM_OWNERS = ["head.sales@demo.test", "employee@demo.test"];
const CRM_BLACKLIST = "@promo-blast.example";
const NEW_SENDERS = [
  ["Lukas Brandt", "l.brandt@brandt-moebel.example", "Request for quotation: 120 office chairs"],
  ["Giulia Conti", "giulia.conti@conti-arredi.example", "Distributor enquiry for Northern Italy"],
  ["Omar Farouk", "omar@farouk-trading.example", "Price list for the Gulf region"],
  ["Hannah Becker", "hannah.becker@stadtwerke-lind.example", "Tender documents – lighting retrofit"],
  ["Pieter de Vries", "pieter@vries-logistiek.example", "Pallet pricing for Q1"],
  ["Sara Lindqvist", "sara@nordhem.example", "Samples for our showroom"],
  ["Yusuf Demir", "y.demir@demir-insaat.example", "Site visit next week?"],
  ["Chiara Ferri", "chiara@ferri-design.example", "Catalogue and lead times"],
] as const;

function crmDemoMail(owner: string, offset: number): MailSpec[] {
  const day = 86_400_000;
  const mail: MailSpec[] = NEW_SENDERS.map(([name, address, subject], index) => ({
    from: `${name} <${address}>`,
    to: owner,
    subject,
    date: new Date(Date.now() - ((index + offset) % NEW_SENDERS.length) * 0.6 * day - 3_600_000),
  }));
  mail.push({
    from: `Lukas Brandt <${NEW_SENDERS[0][1]}>`,
    to: owner,
    subject: "Re: Request for quotation: 120 office chairs",
    date: new Date(Date.now() - 2 * 3_600_000),
  });
  mail.push({
    from: "Office Manager <office@hallberg-kanzlei.example>",
    to: owner,
    subject: "Contact details of our purchasing lead",
    date: new Date(Date.now() - 5 * 3_600_000),
    vcard:
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ingrid Hallberg\r\nORG:Hallberg Kanzlei\r\nEMAIL:ingrid@hallberg-kanzlei.example\r\nTEL:+49 40 5550 1234\r\nEND:VCARD\r\n",
  });
  mail.push({
    from: `Mega Deals <offers${CRM_BLACKLIST}>`,
    to: owner,
    subject: "You have WON a free cruise!!!",
    date: new Date(Date.now() - 7 * 3_600_000),
  });
  return mail;
}

export interface DemoMail {
  /** The MAIL_ALLOWED_NETWORKS entry for this server: its address and port, nothing more of loopback. */
  allowedNetwork: string;
  stop(): Promise<void>;
}

/** CRM on (with a queue and the last days' backfill owed) or off, for a demo mailbox on the local Dovecot. */
async function configureDemoCrm(db: Database, mailboxId: number, ownerId: number, enabled: boolean) {
  await db.mailbox.update({ where: { id: mailboxId }, data: { crmEnabled: enabled } });
  if (!enabled) return;
  const queued = await db.mailboxCrmQueueMember.count({ where: { mailboxId } });
  if (queued === 0) {
    // The owner and the sales representative share what comes in.
    const colleague = await db.user.findUnique({ where: { email: "employee@demo.test" }, select: { id: true } });
    const members = [...new Set([ownerId, colleague?.id ?? ownerId])];
    await db.mailboxCrmQueueMember.createMany({
      data: members.map((userId, position) => ({ mailboxId, userId, position })),
    });
  }
  await db.mailboxBlacklistEntry.createMany({ data: [{ mailboxId, pattern: CRM_BLACKLIST }], skipDuplicates: true });
  const state = await db.crmMailboxState.findUnique({ where: { mailboxId } });
  if (!state) await db.crmMailboxState.create({ data: { mailboxId, backfillDays: 7 } });
}

export async function startDemoMail(log: (line: string) => void): Promise<DemoMail | null> {
  const missing = Dovecot.missing();
  if (missing) {
    log(`demo mail: ${missing}, so demo mailboxes stay on example hosts (not synced)`);
    return null;
  }
  // Dovecot's mail processes run as the `mail` user, who must be able to reach the mail folders.
  const dir = reachableDir(path.join(DATA_DIR, "demo-mail"));
  if (dir !== path.join(DATA_DIR, "demo-mail"))
    log(`demo mail: the mail user cannot reach ${DATA_DIR}; demo mail lives in ${dir}`);
  const dovecot = await Dovecot.start({ dir, preferredPort: 14300 });
  const { db } = await import("../../lib/db.ts");
  const { encryptSecret, secretContext } = await import("../../lib/mail/secrets.ts");
  const mailboxes = await db.mailbox.findMany({
    where: {
      owner: { email: { in: DEMO_OWNERS } },
      email: { endsWith: "@northwind.example" },
      NOT: { email: { contains: ".archive@" } },
    },
    select: { id: true, email: true, ownerId: true, owner: { select: { email: true } } },
  });
  for (const [index, mailbox] of mailboxes.entries()) {
    if (!dovecot.hasUser(mailbox.email)) {
      await dovecot.addUser(mailbox.email, DEMO_PASSWORD);
      await dovecot.seed(mailbox.email, "INBOX", demoMessages(120 + index * 40, 0));
      await dovecot.seed(mailbox.email, "Sent", demoMessages(40, 1));
      await dovecot.seed(mailbox.email, "Archive/2025", demoMessages(200, 60));
      if (CRM_OWNERS.includes(mailbox.owner.email))
        await dovecot.seedRaw(
          mailbox.email,
          "INBOX",
          crmDemoMail(mailbox.email, index).map((spec) => ({ raw: rawMessage(spec), date: spec.date })),
        );
    }

    // Once per database (a fresh one after --reseed): later starts keep what people changed.
    if (!(await db.crmMailboxState.findUnique({ where: { mailboxId: mailbox.id } })))
      await configureDemoCrm(db, mailbox.id, mailbox.ownerId, CRM_OWNERS.includes(mailbox.owner.email));
    await db.mailbox.update({
      where: { id: mailbox.id },
      data: {
        imapHost: "127.0.0.1",
        imapPort: dovecot.port,
        imapSecurity: "NONE",
        imapLogin: mailbox.email,
        imapPasswordEnc: encryptSecret(DEMO_PASSWORD, secretContext(mailbox.id, "imapPassword")),
        smtpEnabled: false,
        smtpHost: null,
        smtpPort: null,
        smtpSecurity: null,
        autoSync: true,
        syncPeriodDays: null,
        nextSyncAt: new Date(),
      },
    });
  }
  log(
    `demo mail: ${mailboxes.length} demo mailboxes sync from a local Dovecot on port ${dovecot.port} (mail in ${dir}, sockets in ${socketDir(dir)})`,
  );
  return { allowedNetwork: `127.0.0.1:${dovecot.port}`, stop: () => dovecot.stop() };
}
