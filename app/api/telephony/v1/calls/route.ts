// POST /api/telephony/v1/calls — call detail records from the PBX: one record, or
// { "calls": [...] } with up to 1,000. Idempotent by externalId (lib/telephony/ingest).
import { db } from "@/lib/db";
import { apiError, apiJson, readJsonBody, withToken } from "@/lib/telephony/api";
import { type IngestResult, ingestCalls, MAX_BATCH } from "@/lib/telephony/ingest";

export const dynamic = "force-dynamic";

/** 1,000 records of a few hundred bytes each fit with room to spare. */
const MAX_BODY_BYTES = 4_000_000;

const STATUS_OF_SINGLE = { created: 201, unchanged: 200, conflict: 409, invalid: 400 } as const;

export const POST = withToken(async (request) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (body instanceof Response) return body;
  const { value } = body;
  const isBatch = typeof value === "object" && value !== null && !Array.isArray(value) && "calls" in value;
  if (!isBatch) {
    const [result] = await ingestCalls(db, [value]);
    return apiJson({ result: publicResult(result!) }, STATUS_OF_SINGLE[result!.status]);
  }
  const { calls } = value as { calls: unknown };
  if (!Array.isArray(calls) || Object.keys(value as object).length !== 1)
    return apiError(400, "INVALID_REQUEST", 'send one call record, or { "calls": [ … ] } and nothing else');
  if (calls.length > MAX_BATCH)
    return apiError(413, "TOO_MANY_RECORDS", `at most ${MAX_BATCH} records per request; split the batch`, {
      max: MAX_BATCH,
      received: calls.length,
    });
  const results = await ingestCalls(db, calls);
  const counts = { created: 0, unchanged: 0, conflict: 0, invalid: 0 };
  for (const result of results) counts[result.status] += 1;
  // The valid records are stored either way; 400 tells the PBX that some of the batch needs fixing.
  return apiJson({ counts, results: results.map(publicResult) }, counts.invalid > 0 ? 400 : 200);
});

function publicResult(result: IngestResult) {
  return {
    index: result.index,
    externalId: result.externalId,
    status: result.status,
    ...(result.reason ? { reason: result.reason } : {}),
  };
}
