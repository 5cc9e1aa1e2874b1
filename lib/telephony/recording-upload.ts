// Call recordings uploaded by the PBX: streamed into the recording storage (never buffered), then
// attached to the call. A replaced recording's file is removed once the call points at the new
// one; the row is locked meanwhile, so two uploads for one call cannot leave an orphan file.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Database } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import type { RecordingStorage } from "./storage.ts";

/** Audio types a PBX sends, with the file extension each is stored under. */
export const RECORDING_TYPES: Record<string, string> = {
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/ogg": "ogg",
  "audio/webm": "webm",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/flac": "flac",
};

/** The media type of a Content-Type header when it is an allowed audio type, else null. */
export function recordingType(header: string | null): string | null {
  const type = header?.split(";")[0]?.trim().toLowerCase() ?? "";
  return Object.hasOwn(RECORDING_TYPES, type) ? type : null;
}

/** Where a call's recording is stored: a fresh key per upload, so a replacement never overwrites a file being played. */
export function recordingKey(callId: number, startedAt: Date, type: string) {
  const month = startedAt.toISOString().slice(0, 7).replace("-", "/");
  return `calls/${month}/${callId}-${randomBytes(6).toString("hex")}.${RECORDING_TYPES[type]}`;
}

export class EmptyRecordingError extends Error {
  constructor() {
    super("empty recording");
    this.name = "EmptyRecordingError";
  }
}

export interface StoreRecordingInput {
  externalId: string;
  type: string;
  body: Readable | WebReadableStream<Uint8Array>;
  maxBytes: number;
  expectedSha256?: string;
}

export async function storeRecording(db: Database, storage: RecordingStorage, input: StoreRecordingInput) {
  const call = await db.call.findUnique({
    where: { externalId: input.externalId },
    select: { id: true, startedAt: true },
  });
  if (!call) throw new NotFoundError("call");
  const key = recordingKey(call.id, call.startedAt, input.type);
  const stored = await storage.put(key, input.body, { maxBytes: input.maxBytes, expectedSha256: input.expectedSha256 });
  if (stored.bytes === 0) {
    await storage.delete(key);
    throw new EmptyRecordingError();
  }
  let previous: string | null = null;
  try {
    previous = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ recordingPath: string | null }[]>`
        SELECT "recordingPath" FROM "Call" WHERE id = ${call.id} FOR UPDATE`;
      if (!row) throw new NotFoundError("call");
      await tx.call.update({
        where: { id: call.id },
        data: {
          recordingPath: key,
          recordingBytes: stored.bytes,
          recordingSha256: stored.sha256,
          recordingType: input.type,
          recordedAt: new Date(),
        },
      });
      return row.recordingPath;
    });
  } catch (error) {
    await storage.delete(key); // the call is gone (or the write failed): keep no file for nobody
    throw error;
  }
  if (previous && previous !== key) await storage.delete(previous);
  return { callId: call.id, ...stored, type: input.type, replaced: previous !== null };
}
