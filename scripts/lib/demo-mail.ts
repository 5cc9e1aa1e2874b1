// A local mail server for the demo: when Dovecot is installed, a few demo mailboxes (the fixed
// sign-ins' work mailboxes and a team mailbox) point at it and really sync. All other demo
// mailboxes point at example hosts and are never scheduled, so the demo shows no mass errors.
import path from "node:path";
import { DATA_DIR } from "./database.ts";
import { Dovecot, type SeedMessage } from "./dovecot.ts";
import { reachableDir, socketDir } from "./runtime-paths.ts";

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

export interface DemoMail {
  /** The MAIL_ALLOWED_NETWORKS entry for this server: its address and port, nothing more of loopback. */
  allowedNetwork: string;
  stop(): Promise<void>;
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
    select: { id: true, email: true },
  });
  for (const [index, mailbox] of mailboxes.entries()) {
    if (!dovecot.hasUser(mailbox.email)) {
      await dovecot.addUser(mailbox.email, DEMO_PASSWORD);
      await dovecot.seed(mailbox.email, "INBOX", demoMessages(120 + index * 40, 0));
      await dovecot.seed(mailbox.email, "Sent", demoMessages(40, 1));
      await dovecot.seed(mailbox.email, "Archive/2025", demoMessages(200, 60));
    }
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
