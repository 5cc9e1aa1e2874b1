// 100,000 mailboxes for the grid benchmark, spread over a synthetic organisation's employees:
// realistic addresses and sizes, statuses, sync times, shares and CRM queues. Deterministic.
import pg from "pg";
import { Random } from "../../lib/demo/random.ts";
import { bulkInsert } from "./lib.ts";

const DOMAINS = ["northwind.example", "gmail.com", "outlook.com", "yahoo.com", "contoso.example"];
const FUNCTIONS = ["Support", "Sales", "Info", "Billing", "Jobs", "Press"];
const DAY = 86_400_000;

export interface GridData {
  /** Someone who owns mailboxes, someone they are shared with, someone in a CRM queue. */
  sampleOwner: number;
  sampleSharedWith: number;
  sampleQueueMember: number;
}

export async function buildMailboxes(
  url: string,
  options: { mailboxes: number; userIds: number[]; seed?: number },
): Promise<GridData> {
  const random = new Random(options.seed ?? 13);
  const employees = options.userIds.filter((id) => id % 50 !== 0);
  const now = Date.now();
  const ids = Array.from({ length: options.mailboxes }, (_, index) => index + 1);
  const owners = ids.map(() => random.pick(employees));
  const emails = ids.map((id, index) => {
    const owner = owners[index]!;
    return `first${owner}.last${owner % 977}.${id}@${random.pick(DOMAINS)}`;
  });
  const statuses = ids.map(() => {
    const roll = random.next();
    return roll < 0.85 ? "OK" : roll < 0.93 ? "ERROR" : roll < 0.96 ? "NEEDS_PASSWORD" : "PENDING";
  });
  // Most mailboxes synced within the last hours, a tail going back two months, some never.
  const lastSync = statuses.map((status) =>
    status === "PENDING" || random.chance(0.02) ? null : new Date(now - random.next() ** 4 * 60 * DAY),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await bulkInsert(client, "Mailbox", {
      id: { type: "int", values: ids },
      ownerId: { type: "int", values: owners },
      email: { type: "text", values: emails },
      name: {
        type: "text",
        values: ids.map((id, index) => (id % 3 === 0 ? `${random.pick(FUNCTIONS)} ${id}` : emails[index])),
      },
      senderName: {
        type: "text",
        values: owners.map((owner) => (random.chance(0.1) ? null : `First${owner} Last${owner % 977}`)),
      },
      imapHost: { type: "text", values: ids.map(() => "imap.bench.test") },
      imapPort: { type: "int", values: ids.map(() => 993) },
      imapSecurity: { type: '"ConnectionSecurity"', values: ids.map(() => "SSL") },
      imapLogin: { type: "text", values: emails },
      imapPasswordEnc: { type: "text", values: ids.map(() => "v1.bench.x.x.x") },
      status: { type: '"MailboxStatus"', values: statuses },
      lastSyncAt: { type: "timestamp", values: lastSync },
      lastError: {
        type: "text",
        values: statuses.map((status) => (status === "ERROR" ? "Connection timed out" : null)),
      },
      crmEnabled: { type: "bool", values: ids.map(() => random.chance(0.3)) },
      diskBytes: { type: "bigint", values: ids.map(() => String(Math.round(random.next() ** 3 * 8 * 1024 ** 3))) },
      unreadCount: { type: "int", values: ids.map(() => Math.round(random.next() ** 3 * 3000)) },
      messageCount: { type: "int", values: ids.map(() => random.int(0, 80_000)) },
      createdAt: { type: "timestamp", values: ids.map(() => new Date(now - (60 + random.next() * 300) * DAY)) },
      updatedAt: { type: "timestamp", values: ids.map(() => new Date(now)) },
    });
    await client.query(`SELECT setval(pg_get_serial_sequence('"Mailbox"', 'id'), ${options.mailboxes})`);

    const shares = new Set<string>();
    for (const id of ids)
      if (random.chance(0.2))
        for (let n = random.int(1, 3); n > 0; n -= 1) shares.add(`${id}:${random.pick(employees)}`);
    const sharePairs = [...shares].map((pair) => pair.split(":").map(Number) as [number, number]);
    await bulkInsert(client, "MailboxAccess", {
      mailboxId: { type: "int", values: sharePairs.map((pair) => pair[0]) },
      subjectKind: { type: '"AccessSubjectKind"', values: sharePairs.map(() => "USER") },
      subjectRefId: { type: "int", values: sharePairs.map((pair) => pair[1]) },
    });
    // CRM queues draw on a small pool of sales people, as they do in a company.
    const queuePool = employees.slice(0, 300);
    const queue = new Set<string>();
    for (const id of ids)
      if (random.chance(0.1))
        for (let n = random.int(1, 2); n > 0; n -= 1) queue.add(`${id}:${random.pick(queuePool)}`);
    const queuePairs = [...queue].map((pair) => pair.split(":").map(Number) as [number, number]);
    await bulkInsert(client, "MailboxCrmQueueMember", {
      mailboxId: { type: "int", values: queuePairs.map((pair) => pair[0]) },
      userId: { type: "int", values: queuePairs.map((pair) => pair[1]) },
      position: { type: "int", values: queuePairs.map((_, index) => index % 2) },
    });
    // As after a day's normal use: statistics and the visibility map up to date (index-only counts).
    await client.query("VACUUM ANALYZE");
    return { sampleOwner: owners[0]!, sampleSharedWith: sharePairs[0]![1], sampleQueueMember: queuePairs[0]![1] };
  } finally {
    await client.end();
  }
}
