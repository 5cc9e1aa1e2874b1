// Fetching a UID range in windows, each committed together with the folder's cursor. A window is
// only committed once it is known to be complete: a FETCH can end "OK" without every message it
// was asked for (a stream that lost bytes, a server that skips what it cannot parse), and a cursor
// moved past a message that was never stored would lose that message for good.
import type pg from "pg";
import { MailError } from "../errors.ts";
import type { FolderSyncContext } from "./folder-sync.ts";
import { inTransaction, type MessageRow, setSyncedUid, toMessageRow, upsertMessages } from "./message-store.ts";

const FETCH_QUERY = { uid: true, flags: true, size: true, internalDate: true, envelope: true } as const;

/** "1:3,7,9:10" for [1,2,3,7,9,10]: IMAP sequence sets as ranges, never one number per message. */
export function uidSet(uids: number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    parts.push(end === index ? String(sorted[index]) : `${sorted[index]}:${sorted[end]}`);
    index = end + 1;
  }
  return parts.join(",");
}

async function fetchRows(context: FolderSyncContext, range: string, low: number, high: number, into: MessageRow[]) {
  // Nothing but collecting inside the loop: another IMAP command here would deadlock.
  for await (const message of context.client.fetch(range, FETCH_QUERY, { uid: true })) {
    if (message.uid >= low && message.uid <= high) into.push(toMessageRow(message));
    if (into.length % 500 === 0) context.touch();
  }
  context.touch();
}

/**
 * All messages the server holds in [low, high]. A window with fewer rows than UIDs is checked
 * against UID SEARCH (UIDs are never reused, so the search can only name fewer, never more); what
 * is missing is asked for once more, and a window that stays short fails the sync instead.
 */
async function completeWindow(context: FolderSyncContext, low: number, high: number): Promise<MessageRow[]> {
  const rows: MessageRow[] = [];
  await fetchRows(context, `${low}:${high}`, low, high, rows);
  if (rows.length === high - low + 1) return rows;
  const onServer = (await context.client.search({ uid: `${low}:${high}` }, { uid: true })) || [];
  context.touch();
  const have = new Set(rows.map((row) => row.uid));
  const missing = onServer.filter((uid) => !have.has(uid));
  if (missing.length === 0) return rows;
  await fetchRows(context, uidSet(missing), low, high, rows);
  const found = new Set(rows.map((row) => row.uid));
  const stillMissing = missing.filter((uid) => !found.has(uid));
  // Expunged meanwhile is fine (gone from the server too); anything else is an incomplete answer.
  if (stillMissing.length > 0) {
    const recheck = new Set((await context.client.search({ uid: uidSet(stillMissing) }, { uid: true })) || []);
    const lost = stillMissing.filter((uid) => recheck.has(uid));
    if (lost.length > 0)
      throw new MailError(
        "INCOMPLETE_RESPONSE",
        `the server answered FETCH ${low}:${high} without ${lost.length} of its messages (e.g. UID ${lost[0]})`,
      );
  }
  // A re-fetch appends out of order; the store does not care, but keep windows sorted for readers.
  return rows.sort((a, b) => a.uid - b.uid);
}

/** Fetches messages in [from, to] in windows; each window is written with `onWindow` while the next is fetched. */
export async function fetchRange(
  context: FolderSyncContext,
  from: number,
  to: number,
  onWindow: (rows: MessageRow[], windowEnd: number) => Promise<void>,
) {
  let pendingWrite: Promise<void> = Promise.resolve();
  try {
    for (let low = from; low <= to; low += context.windowSize) {
      const high = Math.min(to, low + context.windowSize - 1);
      const rows = await completeWindow(context, low, high);
      await pendingWrite; // writes stay in order; the next fetch overlaps this window's write
      pendingWrite = onWindow(rows, high).then(() => context.committed?.());
      context.progress((high - from + 1) / Math.max(1, to - from + 1));
    }
  } catch (error) {
    // The fetch failed while the previous window was still being written: let that write finish
    // before reporting, so the sync (and its lock) never ends with a write still in flight.
    await pendingWrite.catch(() => undefined);
    throw error;
  }
  await pendingWrite;
}

/** A window of messages and the cursor after it, together: a resumed sync never skips or repeats. */
export function commitWindow(pool: pg.Pool, folderId: number, rows: MessageRow[], windowEnd: number) {
  return inTransaction(pool, async (sql) => {
    await upsertMessages(sql, folderId, rows);
    await setSyncedUid(sql, folderId, windowEnd);
  });
}

/** The first UID inside the sync period (SPEC §3.1 "sync period for the first fetch"). */
export async function firstUidInPeriod(context: FolderSyncContext): Promise<number> {
  if (context.syncPeriodDays === null) return 1;
  const since = new Date(Date.now() - context.syncPeriodDays * 86_400_000);
  const uids = await context.client.search({ since }, { uid: true });
  // A loop, not Math.min(...uids): spreading 100k+ arguments overflows the stack.
  return (uids || []).reduce((lowest, uid) => Math.min(lowest, uid), Number.MAX_SAFE_INTEGER);
}
