// Recording retention (Telephony settings): recordings older than recordingRetentionDays, by when
// they were recorded, are deleted by the worker — daily and once at its start. The row is cleared
// (with its audit entry, actor: the system) before the file goes, so no call ever points at a
// missing file; several workers running this at once clear each row once.
import "server-only";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import type { RecordingStorage } from "./storage.ts";

const BATCH = 500;
export const RETENTION_INTERVAL_MS = 24 * 3600 * 1000;

export async function deleteExpiredRecordings(
  db: Database,
  storage: RecordingStorage,
  { now = new Date(), log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<number> {
  const settings = await db.telephonySettings.findUnique({
    where: { id: 1 },
    select: { recordingRetentionDays: true },
  });
  const days = settings?.recordingRetentionDays;
  if (!days) return 0; // null: keep recordings forever
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let deleted = 0;
  let afterId = 0;
  for (;;) {
    const expired = await db.call.findMany({
      where: { id: { gt: afterId }, recordedAt: { lt: cutoff }, recordingPath: { not: null } },
      select: { id: true, recordingPath: true, recordingBytes: true, recordingSha256: true, recordedAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (expired.length === 0) return deleted;
    afterId = expired.at(-1)!.id;
    for (const call of expired) {
      const cleared = await db.$transaction(async (tx) => {
        const { count } = await tx.call.updateMany({
          where: { id: call.id, recordingPath: call.recordingPath },
          data: {
            recordingPath: null,
            recordingBytes: null,
            recordingSha256: null,
            recordingType: null,
            recordedAt: null,
          },
        });
        if (count === 0) return false; // replaced or deleted meanwhile
        await recordAudit(tx, {
          actorId: null,
          action: "call.recordingExpired",
          entityType: "Call",
          entityId: call.id,
          before: {
            recordingPath: call.recordingPath,
            recordingBytes: call.recordingBytes,
            recordedAt: call.recordedAt,
          },
          after: { recordingPath: null, retentionDays: days },
        });
        return true;
      });
      if (!cleared) continue;
      try {
        await storage.delete(call.recordingPath!);
      } catch (error) {
        // The row no longer points at it: an orphan file at worst, never a call without its file.
        log?.(`retention: could not delete ${call.recordingPath}: ${error instanceof Error ? error.message : error}`);
      }
      deleted += 1;
    }
  }
}
