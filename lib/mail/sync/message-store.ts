// Bulk writes of message metadata, one statement per window of thousands of messages, through
// the plain pg pool (lib/db.ts bulkPool): each window commits together with the folder's cursor.
import type { FetchMessageObject } from "imapflow";
import type pg from "pg";

/** A pool or a client inside a transaction. */
export type Sql = Pick<pg.PoolClient, "query">;

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
  /** To and Cc, for the mail view's search (webmail). */
  recipients: string | null;
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

type EnvelopeAddress = { name?: string; address?: string };

/** "Name address Name address …" of To and Cc: the text the mail view's search looks in. */
function recipientsText(envelope: FetchMessageObject["envelope"]): string | null {
  const people: EnvelopeAddress[] = [...(envelope?.to ?? []), ...(envelope?.cc ?? [])];
  return clean(people.map((person) => [person.name, person.address].filter(Boolean).join(" ")).join(" "), 2000);
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
    recipients: recipientsText(message.envelope),
  };
}

export async function inTransaction<T>(pool: pg.Pool, run: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out connection has no pool listener: if the server drops it mid-transaction (a
  // restart), its 'error' event would end the process. The failing query rejects all the same.
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await run(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(lost);
  }
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function upsertMessages(sql: Sql, folderId: number, rows: MessageRow[]) {
  if (rows.length === 0) return;
  // One JSON text parameter: PostgreSQL (another core) unpacks it, so the sync's one thread stays
  // free to parse the next window from the IMAP server.
  const payload = JSON.stringify(
    rows.map((row) => [
      row.uid,
      row.modseq === null ? null : String(row.modseq),
      row.flags,
      row.seen,
      row.flagged,
      row.size,
      iso(row.internalDate),
      iso(row.sentDate),
      row.subject,
      row.fromAddress,
      row.fromName,
      row.messageId,
      row.recipients,
    ]),
  );
  await sql.query(
    `INSERT INTO "MailMessage" ("folderId", uid, modseq, flags, seen, flagged, size, "internalDate", "sentDate", subject, "fromAddress", "fromName", "messageId", recipients)
     SELECT $1::int, (r->>0)::int8, (r->>1)::int8, r->>2, (r->>3)::bool, (r->>4)::bool, (r->>5)::int,
            (r->>6)::timestamptz, (r->>7)::timestamptz, r->>8, r->>9, r->>10, r->>11, r->>12
     FROM jsonb_array_elements($2::jsonb) AS r
     ON CONFLICT ("folderId", uid) DO UPDATE SET modseq = EXCLUDED.modseq, flags = EXCLUDED.flags, seen = EXCLUDED.seen,
       flagged = EXCLUDED.flagged, size = EXCLUDED.size, "internalDate" = EXCLUDED."internalDate", "sentDate" = EXCLUDED."sentDate",
       subject = EXCLUDED.subject, "fromAddress" = EXCLUDED."fromAddress", "fromName" = EXCLUDED."fromName", "messageId" = EXCLUDED."messageId",
       recipients = EXCLUDED.recipients`,
    [folderId, payload],
  );
}

export interface FlagChange {
  uid: number;
  flags: string;
  modseq: bigint | null;
}

/** Updates flags of messages already stored; a change for a UID we do not hold is ignored. */
export async function updateFlags(sql: Sql, folderId: number, changes: FlagChange[]) {
  if (changes.length === 0) return;
  const payload = JSON.stringify(
    changes.map((change) => [change.uid, change.flags, change.modseq === null ? null : String(change.modseq)]),
  );
  await sql.query(
    `UPDATE "MailMessage" m SET flags = c.flags, modseq = COALESCE(c.modseq, m.modseq),
       seen = '\\Seen' = ANY(string_to_array(c.flags, ' ')), flagged = '\\Flagged' = ANY(string_to_array(c.flags, ' '))
     FROM (SELECT (r->>0)::int8 AS uid, r->>1 AS flags, (r->>2)::int8 AS modseq FROM jsonb_array_elements($2::jsonb) AS r) AS c
     WHERE m."folderId" = $1 AND m.uid = c.uid AND m.flags IS DISTINCT FROM c.flags`,
    [folderId, payload],
  );
}

export async function deleteMessages(sql: Sql, folderId: number, uids: number[]) {
  if (uids.length === 0) return;
  await sql.query(`DELETE FROM "MailMessage" WHERE "folderId" = $1 AND uid = ANY($2::int8[])`, [folderId, uids]);
}

export async function deleteAllMessages(sql: Sql, folderId: number) {
  await sql.query(`DELETE FROM "MailMessage" WHERE "folderId" = $1`, [folderId]);
}

/** UIDs stored for the folder from `fromUid` up, ascending. */
export async function storedUids(sql: Sql, folderId: number, fromUid: number): Promise<number[]> {
  const { rows } = await sql.query<{ uid: string }>(
    `SELECT uid FROM "MailMessage" WHERE "folderId" = $1 AND uid >= $2 ORDER BY uid`,
    [folderId, fromUid],
  );
  return rows.map((row) => Number(row.uid));
}

export interface StoredIdentity {
  flags: string;
  size: number;
  messageId: string | null;
}

/** Flags, size and Message-ID of the stored messages from `fromUid` up: what a plain rescan compares. */
export async function storedIdentities(
  sql: Sql,
  folderId: number,
  fromUid: number,
): Promise<Map<number, StoredIdentity>> {
  const { rows } = await sql.query<{ uid: string; flags: string; size: number; messageId: string | null }>(
    `SELECT uid, flags, size, "messageId" FROM "MailMessage" WHERE "folderId" = $1 AND uid >= $2`,
    [folderId, fromUid],
  );
  return new Map(rows.map((row) => [Number(row.uid), { flags: row.flags, size: row.size, messageId: row.messageId }]));
}

/** Moves the full-sync cursor: committed with the window it follows. */
export async function setSyncedUid(sql: Sql, folderId: number, uid: number) {
  await sql.query(`UPDATE "MailFolder" SET "lastSyncedUid" = $2 WHERE id = $1`, [folderId, uid]);
}
