// Syncs one folder's message metadata (DESIGN §5). Full sync streams UID windows and commits
// each window with the cursor, so a cut connection or a killed worker resumes where it stopped;
// incremental sync uses QRESYNC, else CONDSTORE, else plain UID diffs.
import type { ImapFlow } from "imapflow";
import type pg from "pg";
import type { Database } from "../../db.ts";
import type { FolderSyncMode } from "../../generated/prisma/enums.ts";
import {
  deleteAllMessages,
  deleteMessages,
  type FlagChange,
  flagsText,
  inTransaction,
  type MessageRow,
  type Sql,
  setSyncedUid,
  storedFlags,
  storedUids,
  toMessageRow,
  updateFlags,
  upsertMessages,
} from "./message-store.ts";

export interface ServerFolderStatus {
  messages: number;
  unseen: number;
  uidNext: number;
  uidValidity: bigint;
  highestModseq: bigint | null;
  size: number | null;
}

export interface StoredFolder {
  id: number;
  path: string;
  uidValidity: bigint | null;
  uidNext: bigint | null;
  highestModseq: bigint | null;
  syncFromUid: bigint;
  lastSyncedUid: bigint;
  fullSyncTargetUid: bigint | null;
  uidValidityResets: number;
  messages: number;
  unseen: number;
  sizeBytes: bigint;
  lastFlagRescanAt: Date | null;
}

export interface FolderSyncContext {
  db: Database;
  /** Bulk statements (message windows) go through plain pg: see bulkPool() in lib/db.ts. */
  pool: pg.Pool;
  client: ImapFlow;
  syncPeriodDays: number | null;
  /** "Sync now": plain servers also rescan flags. */
  manual: boolean;
  windowSize: number;
  /** UIDs reported expunged (VANISHED) while a command ran; filled by the client's expunge handler. */
  vanished: number[];
  /** Called on every sign of life, for the watchdog. */
  touch(): void;
  /** Share of this folder done, 0..1. */
  progress(fraction: number): void;
}

export type FolderOutcome = "unchanged" | "full" | "incremental" | "reset" | "unstable";

const MAX_RESETS_IN_A_ROW = 5;
const FLAG_RESCAN_MS = 60 * 60_000;

function modeOf(client: ImapFlow, noModseq: boolean): FolderSyncMode {
  if (noModseq) return "PLAIN";
  if (client.enabled.has("QRESYNC")) return "QRESYNC";
  return client.enabled.has("CONDSTORE") || client.capabilities.has("CONDSTORE") ? "CONDSTORE" : "PLAIN";
}

const FETCH_QUERY = { uid: true, flags: true, size: true, internalDate: true, envelope: true } as const;

/** Fetches messages in [from, to] in windows; each window is written with `onWindow` while the next is fetched. */
async function fetchRange(
  context: FolderSyncContext,
  from: number,
  to: number,
  onWindow: (rows: MessageRow[], windowEnd: number) => Promise<void>,
) {
  let pendingWrite: Promise<void> = Promise.resolve();
  try {
    for (let low = from; low <= to; low += context.windowSize) {
      const high = Math.min(to, low + context.windowSize - 1);
      const rows: MessageRow[] = [];
      // Nothing but collecting inside the loop: another IMAP command here would deadlock.
      for await (const message of context.client.fetch(`${low}:${high}`, FETCH_QUERY, { uid: true })) {
        if (message.uid >= low && message.uid <= high) rows.push(toMessageRow(message));
        if (rows.length % 500 === 0) context.touch();
      }
      context.touch();
      await pendingWrite; // writes stay in order; the next fetch overlaps this window's write
      pendingWrite = onWindow(rows, high);
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

/** The first UID inside the sync period (SPEC §3.1 "sync period for the first fetch"). */
async function firstUidInPeriod(context: FolderSyncContext): Promise<number> {
  if (context.syncPeriodDays === null) return 1;
  const since = new Date(Date.now() - context.syncPeriodDays * 86_400_000);
  const uids = await context.client.search({ since }, { uid: true });
  return uids && uids.length > 0 ? Math.min(...uids) : Number.MAX_SAFE_INTEGER;
}

/** A window of messages and the cursor after it, together: a resumed sync never skips or repeats. */
function commitWindow(pool: pg.Pool, folderId: number, rows: MessageRow[], windowEnd: number) {
  return inTransaction(pool, async (sql) => {
    await upsertMessages(sql, folderId, rows);
    await setSyncedUid(sql, folderId, windowEnd);
  });
}

async function fullSync(
  context: FolderSyncContext,
  folder: StoredFolder,
  info: { uidNext: number; uidValidity: bigint; highestModseq: bigint | null },
) {
  const { db } = context;
  let target = folder.fullSyncTargetUid === null ? null : Number(folder.fullSyncTargetUid);
  let cursor = Number(folder.lastSyncedUid);
  let fromUid = Number(folder.syncFromUid);
  if (target === null) {
    // Remember where the server was before fetching: changes made meanwhile come with the next sync.
    target = info.uidNext - 1;
    fromUid = Math.min(await firstUidInPeriod(context), info.uidNext);
    cursor = fromUid - 1;
    await db.mailFolder.update({
      where: { id: folder.id },
      data: {
        uidValidity: info.uidValidity,
        highestModseq: info.highestModseq,
        syncFromUid: BigInt(fromUid),
        lastSyncedUid: BigInt(cursor),
        fullSyncTargetUid: BigInt(target),
      },
    });
  }
  await fetchRange(context, cursor + 1, target, (rows, windowEnd) =>
    commitWindow(context.pool, folder.id, rows, windowEnd),
  );
  return { lastUid: target };
}

async function incrementalSync(
  context: FolderSyncContext,
  folder: StoredFolder,
  info: { uidNext: number; exists: number; highestModseq: bigint | null },
  mode: FolderSyncMode,
) {
  const { client, pool } = context;
  const fromUid = Number(folder.syncFromUid);
  const known = Number(folder.lastSyncedUid);
  let lastUid = known;
  // New messages: everything above the highest stored UID.
  if (info.uidNext - 1 > known) {
    await fetchRange(context, known + 1, info.uidNext - 1, (rows, windowEnd) =>
      commitWindow(context.pool, folder.id, rows, windowEnd),
    );
    lastUid = info.uidNext - 1;
  }

  const flagChanges: FlagChange[] = [];
  let removed: number[] = [];
  if (known >= fromUid && (mode === "QRESYNC" || mode === "CONDSTORE") && folder.highestModseq !== null) {
    context.vanished.length = 0;
    const changedSince = folder.highestModseq;
    for await (const message of client.fetch(
      `${fromUid}:${known}`,
      { uid: true, flags: true },
      { uid: true, changedSince },
    )) {
      if (message.uid <= known)
        flagChanges.push({ uid: message.uid, flags: flagsText(message.flags), modseq: message.modseq ?? null });
    }
    if (mode === "QRESYNC") removed = context.vanished.filter((uid) => uid >= fromUid && uid <= known);
  }
  const rescanFlags =
    mode === "PLAIN" &&
    known >= fromUid &&
    (context.manual || !folder.lastFlagRescanAt || Date.now() - folder.lastFlagRescanAt.getTime() > FLAG_RESCAN_MS);
  if (rescanFlags) {
    const stored = await storedFlags(pool, folder.id, fromUid);
    for await (const message of client.fetch(`${fromUid}:${known}`, { uid: true, flags: true }, { uid: true })) {
      const flags = flagsText(message.flags);
      if (stored.has(message.uid) && stored.get(message.uid) !== flags)
        flagChanges.push({ uid: message.uid, flags, modseq: null });
    }
  }
  if (mode !== "QRESYNC" && known >= fromUid) {
    // Without VANISHED, deletions show as UIDs we hold that the server no longer has.
    const stored = await storedUids(pool, folder.id, fromUid);
    const expectedOnServer = fromUid === 1 ? info.exists : null;
    if (expectedOnServer === null || stored.length !== expectedOnServer) {
      const onServer = new Set((await client.search({ uid: `${fromUid}:*` }, { uid: true })) || []);
      removed = stored.filter((uid) => uid <= known && !onServer.has(uid));
    }
  }
  context.touch();
  return { lastUid, flagChanges, removed, rescannedFlags: rescanFlags };
}

/** Syncs one folder and commits its state; returns what kind of sync it took. */
export async function syncFolder(
  context: FolderSyncContext,
  folder: StoredFolder,
  status: ServerFolderStatus,
): Promise<FolderOutcome> {
  const { db, client } = context;
  const counts = { messages: status.messages, unseen: status.unseen, sizeBytes: BigInt(status.size ?? 0) };
  let outcome: FolderOutcome = "incremental";
  if (folder.uidValidity !== null && folder.uidValidity !== status.uidValidity) {
    // Every UID we hold is meaningless now. A server that keeps doing this is flagged, not chased.
    const resets = folder.uidValidityResets + 1;
    await inTransaction(context.pool, async (sql) => {
      await deleteAllMessages(sql, folder.id);
      await sql.query(
        `UPDATE "MailFolder" SET "uidValidity" = NULL, "uidNext" = NULL, "highestModseq" = NULL, "lastSyncedUid" = 0,
           "fullSyncTargetUid" = NULL, "syncFromUid" = 1, "uidValidityResets" = $2 WHERE id = $1`,
        [folder.id, resets],
      );
    });
    if (resets > MAX_RESETS_IN_A_ROW) {
      await db.mailFolder.update({ where: { id: folder.id }, data: { error: "UIDVALIDITY_UNSTABLE" } });
      return "unstable";
    }
    folder = {
      ...folder,
      uidValidity: null,
      uidNext: null,
      highestModseq: null,
      lastSyncedUid: 0n,
      fullSyncTargetUid: null,
      syncFromUid: 1n,
      uidValidityResets: resets,
    };
    outcome = "reset";
  }

  const needsFull = folder.uidValidity === null || folder.fullSyncTargetUid !== null;
  const unchanged =
    !needsFull &&
    BigInt(status.uidNext) === folder.uidNext &&
    status.messages === folder.messages &&
    (status.highestModseq === null || status.highestModseq === folder.highestModseq);
  const plainRescanDue =
    folder.lastFlagRescanAt === null || Date.now() - folder.lastFlagRescanAt.getTime() > FLAG_RESCAN_MS;
  if (unchanged && !(status.highestModseq === null && (context.manual || plainRescanDue))) {
    await db.mailFolder.update({
      where: { id: folder.id },
      data: { ...counts, lastSyncedAt: new Date(), error: null },
    });
    return "unchanged";
  }

  const opened = await client.mailboxOpen(folder.path, { readOnly: true });
  context.touch();
  const info = {
    uidNext: Number(opened.uidNext),
    uidValidity: BigInt(opened.uidValidity),
    highestModseq: opened.highestModseq ?? null,
    exists: opened.exists,
  };
  const mode = modeOf(client, Boolean((opened as { noModseq?: boolean }).noModseq));

  if (needsFull) {
    const { lastUid } = await fullSync(context, folder, info);
    await db.mailFolder.update({
      where: { id: folder.id },
      data: {
        uidNext: BigInt(lastUid + 1),
        fullSyncTargetUid: null,
        uidValidityResets: outcome === "reset" ? folder.uidValidityResets : 0,
        mode,
        ...counts,
        lastSyncedAt: new Date(),
        lastFlagRescanAt: new Date(),
        error: null,
      },
    });
    return outcome === "reset" ? "reset" : "full";
  }

  const result = await incrementalSync(context, folder, info, mode);
  await inTransaction(context.pool, async (sql) => {
    await updateFlags(sql, folder.id, result.flagChanges);
    await deleteMessages(sql, folder.id, result.removed);
    await saveFolderState(sql, folder.id, {
      ...info,
      lastUid: result.lastUid,
      mode,
      ...counts,
      rescannedFlags: result.rescannedFlags,
    });
  });
  return outcome;
}

async function saveFolderState(
  sql: Sql,
  folderId: number,
  state: {
    uidNext: number;
    highestModseq: bigint | null;
    lastUid: number;
    mode: FolderSyncMode;
    messages: number;
    unseen: number;
    sizeBytes: bigint;
    rescannedFlags: boolean;
  },
) {
  await sql.query(
    `UPDATE "MailFolder" SET "uidNext" = $2, "highestModseq" = $3, "lastSyncedUid" = GREATEST("lastSyncedUid", $4), "uidValidityResets" = 0,
       mode = $5::"FolderSyncMode", messages = $6, unseen = $7, "sizeBytes" = $8,
       "lastFlagRescanAt" = CASE WHEN $9 THEN now() ELSE "lastFlagRescanAt" END, "lastSyncedAt" = now(), error = NULL
     WHERE id = $1`,
    [
      folderId,
      state.uidNext,
      state.highestModseq === null ? null : String(state.highestModseq),
      state.lastUid,
      state.mode,
      state.messages,
      state.unseen,
      String(state.sizeBytes),
      state.rescannedFlags,
    ],
  );
}
