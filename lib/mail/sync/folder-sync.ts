// Syncs one folder's message metadata (DESIGN §5). Full sync streams UID windows and commits
// each window with the cursor, so a cut connection or a killed worker resumes where it stopped;
// incremental sync uses QRESYNC, else CONDSTORE, else plain UID diffs.
//
// Servers differ in what they send (RFC 3501 makes UIDNEXT in SELECT, LIST-STATUS, STATUS=SIZE,
// CONDSTORE optional), so every value comes from the best source present: SELECT, else STATUS,
// else derived from the messages themselves — never assumed.
import type { ImapFlow } from "imapflow";
import type pg from "pg";
import type { Database } from "../../db.ts";
import type { FolderSyncMode } from "../../generated/prisma/enums.ts";
import { MailError } from "../errors.ts";
import { commitWindow, fetchRange, firstUidInPeriod } from "./fetch-window.ts";
import { saveFolderState } from "./folder-state.ts";
import { incrementalSync, plainRescanDue, UidsRenumbered } from "./incremental.ts";
import { deleteAllMessages, deleteMessages, inTransaction, updateFlags } from "./message-store.ts";

export interface ServerFolderStatus {
  messages: number;
  unseen: number;
  /** Null when the server's STATUS left it out. */
  uidNext: number | null;
  uidValidity: bigint | null;
  highestModseq: bigint | null;
  /** STATUS=SIZE; null on servers without it. */
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
  /** After each window of new messages is committed (the CRM pipeline is asked to look). */
  committed?: () => void;
}

export type FolderOutcome = "unchanged" | "full" | "incremental" | "reset" | "unstable";

const MAX_RESETS_IN_A_ROW = 5;

function modeOf(client: ImapFlow, noModseq: boolean): FolderSyncMode {
  if (noModseq) return "PLAIN";
  if (client.enabled.has("QRESYNC")) return "QRESYNC";
  return client.enabled.has("CONDSTORE") || client.capabilities.has("CONDSTORE") ? "CONDSTORE" : "PLAIN";
}

const positive = (value: unknown): value is number | bigint =>
  (typeof value === "number" || typeof value === "bigint") && value > 0;

/**
 * Forgets every message of the folder (their UIDs mean nothing any more). A folder that held
 * nothing loses nothing, so it does not count towards "unstable": some servers derive an empty
 * folder's UIDVALIDITY from the clock and change it on every SELECT.
 */
async function resetFolder(
  context: FolderSyncContext,
  folder: StoredFolder,
  serverMessages: number,
): Promise<StoredFolder | "unstable"> {
  const heldNothing = folder.messages === 0 && serverMessages === 0 && folder.fullSyncTargetUid === null;
  const resets = heldNothing ? folder.uidValidityResets : folder.uidValidityResets + 1;
  await inTransaction(context.pool, async (sql) => {
    await deleteAllMessages(sql, folder.id);
    await sql.query(
      `UPDATE "MailFolder" SET "uidValidity" = NULL, "uidNext" = NULL, "highestModseq" = NULL, "lastSyncedUid" = 0,
         "fullSyncTargetUid" = NULL, "syncFromUid" = 1, "uidValidityResets" = $2, "crmUid" = 0 WHERE id = $1`,
      [folder.id, resets],
    );
  });
  if (resets > MAX_RESETS_IN_A_ROW) {
    await context.db.mailFolder.update({ where: { id: folder.id }, data: { error: "UIDVALIDITY_UNSTABLE" } });
    return "unstable";
  }
  return {
    ...folder,
    uidValidity: null,
    uidNext: null,
    highestModseq: null,
    lastSyncedUid: 0n,
    fullSyncTargetUid: null,
    syncFromUid: 1n,
    uidValidityResets: resets,
  };
}

/** UIDNEXT from SELECT, else from STATUS, else one past the highest UID the folder holds. */
async function resolveUidNext(
  context: FolderSyncContext,
  opened: { uidNext?: unknown; exists: number },
  status: ServerFolderStatus,
  folder: StoredFolder,
): Promise<number> {
  if (positive(opened.uidNext)) return Number(opened.uidNext);
  if (status.uidNext !== null && status.uidNext > 0) return status.uidNext;
  if (opened.exists === 0) return Number(folder.lastSyncedUid) + 1;
  const last = await context.client.fetchOne("*", { uid: true });
  context.touch();
  if (!last || !positive(last.uid))
    throw new MailError("SERVER_ERROR", `no UID for the last message of ${folder.path}`);
  return last.uid + 1;
}

async function fullSync(
  context: FolderSyncContext,
  folder: StoredFolder,
  info: { uidNext: number; uidValidity: bigint; highestModseq: bigint | null },
) {
  let target = folder.fullSyncTargetUid === null ? null : Number(folder.fullSyncTargetUid);
  let cursor = Number(folder.lastSyncedUid);
  if (target === null) {
    // Remember where the server was before fetching: changes made meanwhile come with the next sync.
    target = info.uidNext - 1;
    const fromUid = Math.min(await firstUidInPeriod(context), info.uidNext);
    cursor = fromUid - 1;
    await context.db.mailFolder.update({
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
  return target;
}

/** Syncs one folder and commits its state; returns what kind of sync it took. */
export async function syncFolder(
  context: FolderSyncContext,
  folder: StoredFolder,
  status: ServerFolderStatus,
): Promise<FolderOutcome> {
  const { db, client } = context;
  let outcome = "incremental" as FolderOutcome; // widened: the reset closure below changes it
  const reset = async (serverMessages: number) => {
    const result = await resetFolder(context, folder, serverMessages);
    if (result === "unstable") return false;
    if (result.uidValidityResets > folder.uidValidityResets) outcome = "reset";
    folder = result;
    return true;
  };
  // Every UID we hold is meaningless after a UIDVALIDITY change. Checked here when STATUS told
  // us, and again after SELECT for servers whose STATUS did not.
  if (status.uidValidity !== null && folder.uidValidity !== null && folder.uidValidity !== status.uidValidity) {
    if (!(await reset(status.messages))) return "unstable";
  }

  const emptyHere = status.messages === 0 && folder.messages === 0;
  const needsFull = folder.uidValidity === null || folder.fullSyncTargetUid !== null;
  const sameUidNext = status.uidNext !== null ? BigInt(status.uidNext) === folder.uidNext : emptyHere;
  const unchanged =
    !needsFull &&
    sameUidNext &&
    status.messages === folder.messages &&
    (status.highestModseq === null || status.highestModseq === folder.highestModseq);
  // Without modseqs, flag changes only show by looking; an empty folder has nothing to look at.
  const rescanWanted = status.highestModseq === null && !emptyHere && plainRescanDue(context, folder);
  if (unchanged && !rescanWanted) {
    await db.mailFolder.update({
      where: { id: folder.id },
      data: {
        messages: status.messages,
        unseen: status.unseen,
        ...(status.size === null ? {} : { sizeBytes: BigInt(status.size) }),
        lastSyncedAt: new Date(),
        error: null,
      },
    });
    return "unchanged";
  }

  const opened = await client.mailboxOpen(folder.path, { readOnly: true });
  context.touch();
  const selectedValidity = positive(opened.uidValidity) ? BigInt(opened.uidValidity) : status.uidValidity;
  if (selectedValidity === null)
    throw new MailError("SERVER_ERROR", `the server sent no UIDVALIDITY for ${folder.path}`);
  if (folder.uidValidity !== null && folder.uidValidity !== selectedValidity) {
    if (!(await reset(opened.exists))) return "unstable";
  }
  const info = {
    uidNext: await resolveUidNext(context, opened, status, folder),
    uidValidity: selectedValidity,
    // STATUS was asked before SELECT, so its value is never newer: at worst a change is fetched twice.
    highestModseq: opened.highestModseq ?? status.highestModseq,
    exists: opened.exists,
  };
  const mode = modeOf(client, Boolean((opened as { noModseq?: boolean }).noModseq));
  const counts = { messages: status.messages, unseen: status.unseen, size: status.size };

  if (folder.uidValidity !== null && folder.fullSyncTargetUid === null) {
    try {
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
          resets: 0,
        });
      });
      return outcome;
    } catch (error) {
      if (!(error instanceof UidsRenumbered)) throw error;
      if (!(await reset(Math.max(1, info.exists)))) return "unstable";
    }
  }

  const lastUid = await fullSync(context, folder, info);
  await inTransaction(context.pool, (sql) =>
    saveFolderState(sql, folder.id, {
      ...info,
      // The next sync fetches whatever arrived during this one: it starts from here.
      uidNext: lastUid + 1,
      lastUid,
      mode,
      ...counts,
      rescannedFlags: true,
      resets: outcome === "reset" ? folder.uidValidityResets : 0,
    }),
  );
  return outcome === "reset" ? "reset" : "full";
}
