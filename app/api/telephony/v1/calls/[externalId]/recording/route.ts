// PUT /api/telephony/v1/calls/{externalId}/recording — the call's recording as the raw request
// body (an audio Content-Type), streamed into the recording storage; X-Content-SHA256 optional.
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { apiError, apiJson, withToken } from "@/lib/telephony/api";
import { EXTERNAL_ID } from "@/lib/telephony/call-record";
import { EmptyRecordingError, RECORDING_TYPES, recordingType, storeRecording } from "@/lib/telephony/recording-upload";
import { ChecksumMismatchError, recordingStorage, StorageLimitError } from "@/lib/telephony/storage";

export const dynamic = "force-dynamic";

export const PUT = withToken(async (request, _token, context: { params: Promise<{ externalId: string }> }) => {
  const { externalId } = await context.params;
  if (!EXTERNAL_ID.test(externalId)) return apiError(404, "NOT_FOUND", "no call with this externalId");
  const type = recordingType(request.headers.get("content-type"));
  if (!type)
    return apiError(415, "UNSUPPORTED_MEDIA_TYPE", "the Content-Type must be an audio type", {
      allowed: Object.keys(RECORDING_TYPES),
    });
  const checksum = request.headers.get("x-content-sha256")?.trim();
  if (checksum !== undefined && !/^[0-9a-fA-F]{64}$/.test(checksum))
    return apiError(400, "INVALID_REQUEST", "X-Content-SHA256 must be 64 hexadecimal digits");
  const maxBytes = env().RECORDINGS_MAX_MB * 1_000_000;
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => apiError(413, "PAYLOAD_TOO_LARGE", `a recording may be at most ${maxBytes} bytes`);
  // Refused before a byte is read when the sender says so up front; otherwise counted while streaming.
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return apiError(400, "INVALID_REQUEST", "the body is the recording; it is empty");
  try {
    const stored = await storeRecording(db, recordingStorage(), {
      externalId,
      type,
      // The DOM and node:stream/web typings of the same stream differ only on paper.
      body: request.body as unknown as WebReadableStream<Uint8Array>,
      maxBytes,
      expectedSha256: checksum,
    });
    return apiJson(
      { externalId, bytes: stored.bytes, sha256: stored.sha256, type: stored.type, replaced: stored.replaced },
      stored.replaced ? 200 : 201,
    );
  } catch (error) {
    if (error instanceof EmptyRecordingError)
      return apiError(400, "INVALID_REQUEST", "the body is the recording; it is empty");
    if (error instanceof NotFoundError) return apiError(404, "NOT_FOUND", "no call with this externalId");
    if (error instanceof StorageLimitError) return tooLarge();
    if (error instanceof ChecksumMismatchError)
      return apiError(400, "CHECKSUM_MISMATCH", "the body does not match X-Content-SHA256; nothing was stored");
    throw error;
  }
});
