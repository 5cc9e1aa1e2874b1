// The grid query (SPEC §2): the access filter, the user's filters, sort, one page and the total,
// all decided by the database — never "fetch everything and filter in JavaScript".
import type { Access } from "../../access/access.ts";
import type { Database } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { DAY_MS, startOfDay } from "./dates.ts";
import type { GridQuery, SortKey } from "./params.ts";

export interface GridRow {
  id: number;
  ownerId: number;
  ownerFirstName: string;
  ownerLastName: string;
  email: string;
  name: string;
  senderName: string | null;
  unreadCount: number;
  messageCount: number;
  lastSyncAt: Date | null;
  status: "PENDING" | "OK" | "ERROR" | "NEEDS_PASSWORD";
  syncState: "IDLE" | "QUEUED" | "RUNNING";
  syncProgress: number | null;
  lastErrorCode: string | null;
  crmEnabled: boolean;
  diskBytes: bigint;
}

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

type Direction = "ASC" | "DESC";

export const GRID_STATEMENT_TIMEOUT_MS = 8000;
const OPAQUE_SORT_MAX_MATCHES = 5000;

// Whitelisted sort keys and directions only; nothing from the URL is spliced into SQL as text.
// With a selective text filter the sort key is made opaque to the planner (`|| ''`, `+ 0`): otherwise it
// walks the sort index hoping to meet matches early, and when the matches cluster at the far end
// (a name search sorted by address) it reads almost the whole table. Collecting the matches
// through the trigram index and sorting those is fast either way.
const SORTS: Record<SortKey, (dir: Direction, opaque: boolean) => Prisma.Sql> = {
  owner: (dir, opaque) =>
    Prisma.raw(
      opaque ? `o."lastName" || '' ${dir}, o."firstName" ${dir}` : `o."lastName" ${dir}, o."firstName" ${dir}`,
    ),
  email: (dir, opaque) => Prisma.raw(`${opaque ? "m.email || ''" : "m.email"} ${dir}`),
  // Never-synced mailboxes first when looking for the oldest, last when looking for the newest.
  lastSync: (dir, opaque) =>
    Prisma.raw(
      `${opaque ? `m."lastSyncAt" + interval '0 seconds'` : `m."lastSyncAt"`} ${dir} ${dir === "ASC" ? "NULLS FIRST" : "NULLS LAST"}`,
    ),
  disk: (dir, opaque) => Prisma.raw(`${opaque ? `m."diskBytes" + 0` : `m."diskBytes"`} ${dir}`),
  unread: (dir, opaque) => Prisma.raw(`${opaque ? `m."unreadCount" + 0` : `m."unreadCount"`} ${dir}`),
};

export function gridConditions(
  scope: { kind: "all" } | { kind: "users"; userIds: ReadonlySet<number> },
  query: GridQuery,
  now: Date,
  timeZone: string,
): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (scope.kind === "users") where.push(Prisma.sql`m."ownerId" = ANY(${[...scope.userIds]}::int[])`);
  if (query.q) {
    // One indexed lookup per column, united: an OR across columns and tables would scan every row.
    const pattern = contains(query.q);
    where.push(Prisma.sql`m.id IN (
      SELECT id FROM "Mailbox" WHERE email ILIKE ${pattern}
      UNION SELECT id FROM "Mailbox" WHERE name ILIKE ${pattern}
      UNION SELECT id FROM "Mailbox" WHERE "senderName" ILIKE ${pattern}
      UNION SELECT b.id FROM "Mailbox" b JOIN "User" u ON u.id = b."ownerId" WHERE (u."firstName" || ' ' || u."lastName") ILIKE ${pattern})`);
  }
  if (query.email) where.push(Prisma.sql`m.email ILIKE ${contains(query.email)}`);
  if (query.name) where.push(Prisma.sql`m.name ILIKE ${contains(query.name)}`);
  if (query.sender) where.push(Prisma.sql`m."senderName" ILIKE ${contains(query.sender)}`);
  if (query.owners.length) where.push(Prisma.sql`m."ownerId" = ANY(${query.owners}::int[])`);
  if (query.access.length) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "MailboxAccess" a WHERE a."mailboxId" = m.id AND a."subjectKind" = 'USER' AND a."subjectRefId" = ANY(${query.access}::int[]))`,
    );
  }
  if (query.queue.length) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "MailboxCrmQueueMember" c WHERE c."mailboxId" = m.id AND c."userId" = ANY(${query.queue}::int[]))`,
    );
  }
  if (query.crm) where.push(Prisma.sql`m."crmEnabled" = ${query.crm === "yes"}`);
  if (query.status.length) where.push(Prisma.sql`m.status::text = ANY(${query.status}::text[])`);
  if (query.diskMin !== null)
    where.push(Prisma.sql`m."diskBytes" >= ${BigInt(Math.floor(query.diskMin * 1024 * 1024))}`);
  if (query.diskMax !== null)
    where.push(Prisma.sql`m."diskBytes" <= ${BigInt(Math.ceil(query.diskMax * 1024 * 1024))}`);
  const today = startOfDay(now, timeZone);
  switch (query.sync) {
    case "today":
      where.push(Prisma.sql`m."lastSyncAt" >= ${today}`);
      break;
    case "yesterday":
      where.push(
        Prisma.sql`m."lastSyncAt" >= ${startOfDay(new Date(today.getTime() - DAY_MS / 2), timeZone)} AND m."lastSyncAt" < ${today}`,
      );
      break;
    case "7d":
    case "30d":
      where.push(Prisma.sql`m."lastSyncAt" >= ${new Date(now.getTime() - (query.sync === "7d" ? 7 : 30) * DAY_MS)}`);
      break;
    case "older": {
      // Not synced for N days: synced before then, or connected before then and never synced.
      const threshold = new Date(now.getTime() - (query.syncDays ?? 7) * DAY_MS);
      where.push(
        Prisma.sql`(m."lastSyncAt" < ${threshold} OR (m."lastSyncAt" IS NULL AND m."createdAt" < ${threshold}))`,
      );
      break;
    }
    case "never":
      where.push(Prisma.sql`m."lastSyncAt" IS NULL`);
      break;
    case "range":
      if (query.syncFrom) where.push(Prisma.sql`m."lastSyncAt" >= ${query.syncFrom}`);
      if (query.syncTo) where.push(Prisma.sql`m."lastSyncAt" < ${new Date(query.syncTo.getTime() + DAY_MS)}`);
      break;
  }
  return where;
}

export async function queryGrid(
  db: Database,
  access: Access,
  query: GridQuery,
  options: { now?: Date; timeZone?: string } = {},
) {
  const scope = (await access.mailboxes("view")).owners;
  const conditions = gridConditions(scope, query, options.now ?? new Date(), options.timeZone ?? "UTC");
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const direction: Direction = query.dir === "desc" ? "DESC" : "ASC";
  const offset = (query.page - 1) * query.perPage;
  // Rows and total each in a short transaction carrying a statement timeout: a pathological
  // search must not hold a connection for minutes; the page reports it instead.
  const limited = <T>(statement: Prisma.PrismaPromise<T>) =>
    db
      .$transaction([
        db.$executeRaw`SET LOCAL statement_timeout = ${Prisma.raw(String(GRID_STATEMENT_TIMEOUT_MS))}`,
        statement,
      ])
      .then(([, result]) => result);
  const count = () =>
    limited(db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM "Mailbox" m ${where}`).then(
      (counted) => counted[0]?.total ?? 0,
    );
  const page = (opaque: boolean) =>
    limited(
      db.$queryRaw<GridRow[]>`
        SELECT m.id, m."ownerId", o."firstName" AS "ownerFirstName", o."lastName" AS "ownerLastName", m.email, m.name, m."senderName",
               m."unreadCount", m."messageCount", m."lastSyncAt", m.status, m."syncState", m."syncProgress", m."lastErrorCode",
               m."crmEnabled", m."diskBytes"
        FROM "Mailbox" m JOIN "User" o ON o.id = m."ownerId"
        ${where}
        ORDER BY ${SORTS[query.sort](direction, opaque)}, ${Prisma.raw(`m.id ${direction}`)}
        LIMIT ${query.perPage} OFFSET ${offset}`,
    );
  if (!(query.q || query.email || query.name || query.sender)) {
    const [rows, total] = await Promise.all([page(false), count()]);
    return { rows, total };
  }
  // A text filter: count first. Few matches are collected through the trigram index and sorted;
  // many are met soon enough walking the sort index (see SORTS).
  const total = await count();
  return { rows: await page(total <= OPAQUE_SORT_MAX_MATCHES), total };
}
