// Bulk writes of message metadata: one statement per window of thousands of messages (unnest),
// so a 100,000-message folder is a few dozen round trips, not 100,000.
import type { FetchMessageObject } from "imapflow";
import type { Db } from "../../db.ts";

export interface MessageRow {
  uid: number;
  modseq: bigint | null;
  flags: string;
  seen: boolean;
  flagged: boolean;
  size: number;
  internalDate: Date | null;
  sentDate: Date | null;
  subject: string | null;
  fromAddress: string | null;
  fromName: string | null;
  messageId: string | null;
}

// PostgreSQL text cannot hold NUL; servers occasionally send it in broken headers.
const clean = (value: string | undefined | null, max = 998) =>
  value ? value.replaceAll("\u0000", "").slice(0, max) : null;
const validDate = (value: Date | string | undefined) => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Stored form of a flag set; \Recent is left out: it belongs to one IMAP session, not the message. */
export function flagsText(flags: Set<string> | undefined): string {
  return flags
    ? [...flags]
        .filter((flag) => flag !== "\\Recent")
        .sort()
        .join(" ")
    : "";
}

export function toMessageRow(message: FetchMessageObject): MessageRow {
  const from = message.envelope?.from?.[0];
  return {
    uid: message.uid,
    modseq: message.modseq ?? null,
    flags: flagsText(message.flags),
    seen: message.flags?.has("\\Seen") ?? false,
    flagged: message.flags?.has("\\Flagged") ?? false,
    size: message.size ?? 0,
    internalDate: validDate(message.internalDate),
    sentDate: validDate(message.envelope?.date),
    subject: clean(message.envelope?.subject),
    fromAddress: clean(from?.address, 320),
    fromName: clean(from?.name, 320),
    messageId: clean(message.envelope?.messageId, 500),
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function upsertMessages(db: Db, folderId: number, rows: MessageRow[]) {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "MailMessage" ("folderId", uid, modseq, flags, seen, flagged, size, "internalDate", "sentDate", subject, "fromAddress", "fromName", "messageId")
    SELECT ${folderId}::int, u.* FROM unnest(
      ${rows.map((row) => String(row.uid))}::int8[], ${rows.map((row) => (row.modseq === null ? null : String(row.modseq)))}::int8[],
      ${rows.map((row) => row.flags)}::text[], ${rows.map((row) => row.seen)}::bool[], ${rows.map((row) => row.flagged)}::bool[],
      ${rows.map((row) => row.size)}::int[], ${rows.map((row) => iso(row.internalDate))}::timestamptz[], ${rows.map((row) => iso(row.sentDate))}::timestamptz[],
      ${rows.map((row) => row.subject)}::text[], ${rows.map((row) => row.fromAddress)}::text[], ${rows.map((row) => row.fromName)}::text[],
      ${rows.map((row) => row.messageId)}::text[]) AS u
    ON CONFLICT ("folderId", uid) DO UPDATE SET modseq = EXCLUDED.modseq, flags = EXCLUDED.flags, seen = EXCLUDED.seen,
      flagged = EXCLUDED.flagged, size = EXCLUDED.size, "internalDate" = EXCLUDED."internalDate", "sentDate" = EXCLUDED."sentDate",
      subject = EXCLUDED.subject, "fromAddress" = EXCLUDED."fromAddress", "fromName" = EXCLUDED."fromName", "messageId" = EXCLUDED."messageId"`;
}

export interface FlagChange {
  uid: number;
  flags: string;
  modseq: bigint | null;
}

/** Updates flags of messages already stored; a change for a UID we do not hold is ignored. */
export async function updateFlags(db: Db, folderId: number, changes: FlagChange[]) {
  if (changes.length === 0) return;
  await db.$executeRaw`
    UPDATE "MailMessage" m SET flags = c.flags, modseq = COALESCE(c.modseq, m.modseq),
      seen = '\\Seen' = ANY(string_to_array(c.flags, ' ')), flagged = '\\Flagged' = ANY(string_to_array(c.flags, ' '))
    FROM unnest(${changes.map((change) => String(change.uid))}::int8[], ${changes.map((change) => change.flags)}::text[],
                ${changes.map((change) => (change.modseq === null ? null : String(change.modseq)))}::int8[]) AS c(uid, flags, modseq)
    WHERE m."folderId" = ${folderId} AND m.uid = c.uid AND m.flags IS DISTINCT FROM c.flags`;
}

export async function deleteMessages(db: Db, folderId: number, uids: number[]) {
  if (uids.length === 0) return;
  await db.$executeRaw`DELETE FROM "MailMessage" WHERE "folderId" = ${folderId} AND uid = ANY(${uids.map(String)}::int8[])`;
}

export async function deleteAllMessages(db: Db, folderId: number) {
  await db.$executeRaw`DELETE FROM "MailMessage" WHERE "folderId" = ${folderId}`;
}

/** UIDs stored for the folder from `fromUid` up, ascending. */
export async function storedUids(db: Db, folderId: number, fromUid: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ uid: bigint }[]>`
    SELECT uid FROM "MailMessage" WHERE "folderId" = ${folderId} AND uid >= ${fromUid} ORDER BY uid`;
  return rows.map((row) => Number(row.uid));
}

export async function storedFlags(db: Db, folderId: number, fromUid: number): Promise<Map<number, string>> {
  const rows = await db.$queryRaw<{ uid: bigint; flags: string }[]>`
    SELECT uid, flags FROM "MailMessage" WHERE "folderId" = ${folderId} AND uid >= ${fromUid}`;
  return new Map(rows.map((row) => [Number(row.uid), row.flags]));
}
