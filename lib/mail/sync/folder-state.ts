// The folder's state after a sync, written in the transaction that ends it.
import type { FolderSyncMode } from "../../generated/prisma/enums.ts";
import type { Sql } from "./message-store.ts";

export interface FolderState {
  uidNext: number;
  uidValidity: bigint;
  highestModseq: bigint | null;
  lastUid: number;
  mode: FolderSyncMode;
  messages: number;
  unseen: number;
  /** STATUS=SIZE; null: the folder's size is the sum of the sizes we hold. */
  size: number | null;
  rescannedFlags: boolean;
  resets: number;
}

export async function saveFolderState(sql: Sql, folderId: number, state: FolderState) {
  await sql.query(
    `UPDATE "MailFolder" SET "uidNext" = $2, "uidValidity" = $3, "highestModseq" = $4,
       "lastSyncedUid" = GREATEST("lastSyncedUid", $5), "fullSyncTargetUid" = NULL, "uidValidityResets" = $6,
       mode = $7::"FolderSyncMode", messages = $8, unseen = $9,
       "sizeBytes" = COALESCE($10::int8, (SELECT COALESCE(SUM(size), 0) FROM "MailMessage" WHERE "folderId" = $1)),
       "lastFlagRescanAt" = CASE WHEN $11 THEN now() ELSE "lastFlagRescanAt" END, "lastSyncedAt" = now(), error = NULL
     WHERE id = $1`,
    [
      folderId,
      state.uidNext,
      String(state.uidValidity),
      state.highestModseq === null ? null : String(state.highestModseq),
      state.lastUid,
      state.resets,
      state.mode,
      state.messages,
      state.unseen,
      state.size === null ? null : String(state.size),
      state.rescannedFlags,
    ],
  );
}
