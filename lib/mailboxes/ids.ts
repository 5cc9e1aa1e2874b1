import type { Db } from "../db.ts";

/**
 * Takes mailbox ids from the table's sequence before the rows exist: a secret is encrypted with
 * its row id as associated data, so the id has to be known before the row is written.
 */
export async function reserveMailboxIds(db: Db, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('"Mailbox"', 'id'))::int AS id FROM generate_series(1, ${count})`;
  return rows.map((row) => row.id);
}
