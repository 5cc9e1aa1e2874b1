// Incremental sync of a folder we already hold: new messages above the cursor, then flag changes
// and deletions by the best means the server offers (QRESYNC, else CONDSTORE, else plain diffs).
import type { FolderSyncMode } from "../../generated/prisma/enums.ts";
import { normaliseMessageId } from "../message-id.ts";
import { commitWindow, fetchRange } from "./fetch-window.ts";
import type { FolderSyncContext, StoredFolder } from "./folder-sync.ts";
import { type FlagChange, flagsText, storedIdentities, storedUids } from "./message-store.ts";

export const FLAG_RESCAN_MS = 60 * 60_000;

/**
 * A server that hands out the same UIDs to other messages without changing UIDVALIDITY (Courier
 * does this for folders that were only ever opened read-only). Everything we hold is wrong then,
 * exactly as after a UIDVALIDITY change.
 */
export class UidsRenumbered extends Error {
  constructor(readonly uid: number) {
    super(`UID ${uid} now names another message`);
  }
}

export interface IncrementalResult {
  lastUid: number;
  flagChanges: FlagChange[];
  removed: number[];
  rescannedFlags: boolean;
}

function messageIdHeader(headers: Buffer | undefined): string | null {
  const match = headers?.toString("latin1").match(/^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im);
  return normaliseMessageId(match?.[1]);
}

export function plainRescanDue(context: FolderSyncContext, folder: StoredFolder): boolean {
  return context.manual || !folder.lastFlagRescanAt || Date.now() - folder.lastFlagRescanAt.getTime() > FLAG_RESCAN_MS;
}

/**
 * Plain servers: flags by comparison with what we hold, and a check that every stored UID still
 * names the same message (size and Message-ID), which catches renumbering.
 */
async function rescanPlain(context: FolderSyncContext, folder: StoredFolder, fromUid: number, known: number) {
  const stored = await storedIdentities(context.pool, folder.id, fromUid);
  const changes: FlagChange[] = [];
  let renumbered: number | null = null;
  const query = { uid: true, flags: true, size: true, headers: ["message-id"] };
  for await (const message of context.client.fetch(`${fromUid}:${known}`, query, { uid: true })) {
    const held = stored.get(message.uid);
    if (!held) continue;
    const heldId = normaliseMessageId(held.messageId);
    const serverId = messageIdHeader(message.headers);
    const sameMessage = held.size === (message.size ?? held.size) && (!heldId || !serverId || heldId === serverId);
    if (!sameMessage) renumbered ??= message.uid; // keep reading: leaving the loop early is a wasted fetch anyway
    const flags = flagsText(message.flags);
    if (held.flags !== flags) changes.push({ uid: message.uid, flags, modseq: null });
  }
  context.touch();
  if (renumbered !== null) throw new UidsRenumbered(renumbered);
  return changes;
}

export async function incrementalSync(
  context: FolderSyncContext,
  folder: StoredFolder,
  info: { uidNext: number; exists: number },
  mode: FolderSyncMode,
): Promise<IncrementalResult> {
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

  let flagChanges: FlagChange[] = [];
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
  const rescanFlags = mode === "PLAIN" && known >= fromUid && plainRescanDue(context, folder);
  if (rescanFlags) flagChanges = await rescanPlain(context, folder, fromUid, known);
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
