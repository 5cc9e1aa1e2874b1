// The mail view's lists from the synced metadata: folders with their unread counts, and one page of
// a folder's messages, newest first, searchable by subject, sender and recipients (one trigram
// index over the same expression, migration *_webmail) and filterable by unread and flagged.
import "server-only";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { MessageFilter } from "./filters.ts";

export const PAGE_SIZE = 50;

export interface MessageListQuery {
  folderId: number;
  page: number;
  q: string;
  filter: MessageFilter;
}

export interface MessageListItem {
  uid: number;
  subject: string | null;
  fromName: string | null;
  fromAddress: string | null;
  date: Date | null;
  seen: boolean;
  flagged: boolean;
  size: number;
}

const SPECIAL_ORDER = ["\\Inbox", "\\Drafts", "\\Sent", "\\Archive", "\\Junk", "\\Trash"];

export async function folderTree(db: Db, mailboxId: number) {
  const folders = await db.mailFolder.findMany({
    where: { mailboxId },
    select: { id: true, path: true, name: true, specialUse: true, unseen: true, messages: true, delimiter: true },
  });
  const rank = (folder: { path: string; specialUse: string | null }) => {
    if (folder.path.toUpperCase() === "INBOX") return 0;
    const special = SPECIAL_ORDER.indexOf(folder.specialUse ?? "");
    return special >= 0 ? special + 1 : 100;
  };
  return folders.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}

/** ILIKE pattern for a search text: its wildcards are matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A search counts its matches up to here: past it the reader refines the search rather than pages on. */
export const SEARCH_COUNT_LIMIT = 1000;

export async function messagePage(
  db: Db,
  query: MessageListQuery,
): Promise<{ items: MessageListItem[]; total: number; capped: boolean }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`"folderId" = ${query.folderId}`];
  if (query.filter === "unread") conditions.push(Prisma.sql`seen = false`);
  if (query.filter === "flagged") conditions.push(Prisma.sql`flagged = true`);
  const text = query.q.trim();
  if (text)
    conditions.push(
      Prisma.sql`(coalesce("subject", '') || ' ' || coalesce("fromAddress", '') || ' ' || coalesce("fromName", '') || ' ' || coalesce("recipients", '')) ILIKE ${containsPattern(text)}`,
    );
  const where = Prisma.join(conditions, " AND ");
  const offset = (query.page - 1) * PAGE_SIZE;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<
      (Omit<MessageListItem, "uid"> & { uid: bigint })[]
    >`SELECT uid, subject, "fromName", "fromAddress", "internalDate" AS date, seen, flagged, size
      FROM "MailMessage" WHERE ${where}
      ORDER BY "internalDate" DESC, uid DESC LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    // Counting every match of a broad search costs more than the page itself; it stops past the limit.
    text
      ? db.$queryRaw<
          { total: bigint }[]
        >`SELECT count(*) AS total FROM (SELECT 1 FROM "MailMessage" WHERE ${where} LIMIT ${SEARCH_COUNT_LIMIT + 1}) AS matches`
      : db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "MailMessage" WHERE ${where}`,
  ]);
  return {
    items: rows.map((row) => ({ ...row, uid: Number(row.uid) })),
    total: Math.min(Number(counted[0]?.total ?? 0), text ? SEARCH_COUNT_LIMIT : Number.MAX_SAFE_INTEGER),
    capped: text !== "" && Number(counted[0]?.total ?? 0) > SEARCH_COUNT_LIMIT,
  };
}
