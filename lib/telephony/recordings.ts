// Call recordings as the console serves them (SPEC §5.3): played within the listen scope, deleted
// within the modify scope. A call outside the scope, without a recording or not existing at all
// gives the same answer, so the answer tells nothing about other people's calls.
import "server-only";
import type { Access } from "../access/access.ts";
import { scopeIncludes } from "../access/scopes.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import type { ByteRange, RecordingStorage } from "./storage.ts";

export interface ServedRecording {
  path: string;
  type: string;
  callId: number;
  startedAt: Date;
}

/** The recording of a call the viewer may listen to, or null (for every other reason alike). */
export async function listenableRecording(
  db: Database,
  access: Access,
  callId: number,
): Promise<ServedRecording | null> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, employeeId: true, recordingPath: true, recordingType: true, startedAt: true },
  });
  if (!call?.recordingPath) return null;
  if (!scopeIncludes(await access.calls("listen"), call.employeeId)) return null;
  return {
    path: call.recordingPath,
    // Stored types come from the PBX upload; anything unexpected is served as opaque bytes.
    type: /^audio\/[\w.+-]+$/.test(call.recordingType ?? "") ? call.recordingType! : "application/octet-stream",
    callId: call.id,
    startedAt: call.startedAt,
  };
}

/**
 * Deletes a call's recording within the viewer's modify scope: the columns are cleared and the
 * deletion audited in one transaction, then the file goes. In that order a failure leaves at worst
 * an orphaned file, never a row pointing at nothing.
 */
export async function deleteRecording(
  db: Database,
  access: Access,
  storage: RecordingStorage,
  callId: number,
): Promise<{ deleted: number }> {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, employeeId: true, recordingPath: true, recordingBytes: true, recordingSha256: true },
  });
  if (!call?.recordingPath || !scopeIncludes(await access.calls("modify"), call.employeeId))
    throw new NotFoundError("recording");
  const path = call.recordingPath;
  await db.$transaction(async (tx) => {
    // Only if still the same recording: a concurrent delete or re-upload is not undone.
    const { count } = await tx.call.updateMany({
      where: { id: callId, recordingPath: path },
      data: { recordingPath: null, recordingBytes: null, recordingSha256: null, recordingType: null, recordedAt: null },
    });
    if (count === 0) throw new NotFoundError("recording");
    await recordAudit(tx, {
      actorId: access.userId,
      action: "call.recording.delete",
      entityType: "Call",
      entityId: callId,
      before: { recordingBytes: call.recordingBytes, recordingSha256: call.recordingSha256 },
      after: { recording: null },
    });
  });
  try {
    await storage.delete(path);
  } catch (error) {
    console.error("[recordings] file left behind after delete", error instanceof Error ? error.name : typeof error);
  }
  return { deleted: callId };
}

export type RangeAnswer = { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * One `bytes=` range (RFC 9110 §14.1.2): "a-b", "a-" or the suffix "-n". Multiple ranges are
 * answered with the whole body (allowed; players never ask for them); a syntactically invalid
 * header is ignored like a missing one; a valid range outside the object is unsatisfiable.
 */
export function parseRange(header: string | null, size: number): RangeAnswer {
  if (!header) return { kind: "full" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return { kind: "full" };
  const [, first, last] = match;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== "" && Number(last) < start) return { kind: "full" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end } };
}
