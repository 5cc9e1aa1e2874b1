// Call ingestion (the PBX API and the benchmark use this one function). Idempotent by externalId:
// a retried batch stores nothing twice, the same record again is "unchanged", the same id with
// other data is a "conflict". One multi-row INSERT … ON CONFLICT DO NOTHING per batch and one
// query to compare what was already there: each record is one row, so each is atomic.
import "server-only";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { type CallRecord, callRecordSchema, reasonOf } from "./call-record.ts";
import { resolveEmployees } from "./employees.ts";

export const MAX_BATCH = 1_000;

export type IngestStatus = "created" | "unchanged" | "conflict" | "invalid";

export interface IngestResult {
  index: number;
  externalId: string | null;
  status: IngestStatus;
  reason?: string;
}

interface CallRow {
  externalId: string;
  employeeId: number;
  direction: "INCOMING" | "OUTGOING";
  status: "ANSWERED" | "MISSED" | "BUSY" | "FAILED";
  phoneNumber: string;
  lineNumber: string | null;
  startedAt: Date;
  durationSeconds: number;
  crmEntityType: string | null;
  crmEntityId: number | null;
}

function toRow(record: CallRecord, employeeId: number): CallRow {
  return {
    externalId: record.externalId,
    employeeId,
    direction: record.direction === "incoming" ? "INCOMING" : "OUTGOING",
    status: record.status.toUpperCase() as CallRow["status"],
    phoneNumber: record.phoneNumber,
    lineNumber: record.lineNumber ?? null,
    startedAt: record.startedAt,
    durationSeconds: record.durationSeconds,
    crmEntityType: record.crmEntity?.type ?? null,
    crmEntityId: record.crmEntity?.id ?? null,
  };
}

/** The fields a record sets, in a form two records can be compared by. */
const fingerprint = (row: CallRow) =>
  JSON.stringify([
    row.employeeId,
    row.direction,
    row.status,
    row.phoneNumber,
    row.lineNumber,
    row.startedAt.getTime(),
    row.durationSeconds,
    row.crmEntityType,
    row.crmEntityId,
  ]);

async function insertRows(db: Db, rows: CallRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const column = <K extends keyof CallRow>(key: K) => rows.map((row) => row[key]);
  // unnest() turns one array per column into rows: one statement and ten parameters, whatever
  // the batch size (a VALUES list would need ten parameters per record).
  const inserted = await db.$queryRaw<{ externalId: string }[]>(Prisma.sql`
    INSERT INTO "Call" ("externalId", "employeeId", "direction", "status", "phoneNumber", "lineNumber",
                        "startedAt", "durationSeconds", "crmEntityType", "crmEntityId")
    SELECT e, emp, d::"CallDirection", s::"CallStatus", p, l, st, dur, ct, ci
    FROM unnest(${column("externalId")}::text[], ${column("employeeId")}::int[], ${column("direction")}::text[],
                ${column("status")}::text[], ${column("phoneNumber")}::text[], ${column("lineNumber")}::text[],
                ${column("startedAt")}::timestamp(3)[], ${column("durationSeconds")}::int[],
                ${column("crmEntityType")}::text[], ${column("crmEntityId")}::int[])
         AS t(e, emp, d, s, p, l, st, dur, ct, ci)
    ON CONFLICT ("externalId") DO NOTHING
    RETURNING "externalId"`);
  return new Set(inserted.map((row) => row.externalId));
}

/** Stores the valid records of a batch; answers for each one, in the order given. */
export async function ingestCalls(db: Db, records: unknown[]): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  const parsed: { index: number; record: CallRecord }[] = [];
  records.forEach((raw, index) => {
    const externalId =
      raw && typeof raw === "object" && "externalId" in raw && typeof raw.externalId === "string"
        ? raw.externalId.slice(0, 128)
        : null;
    const result = callRecordSchema.safeParse(raw);
    if (result.success) parsed.push({ index, record: result.data });
    else
      results[index] = {
        index,
        externalId: externalId && /^[\x20-\x7e]*$/.test(externalId) ? externalId : null,
        status: "invalid",
        reason: reasonOf(result.error),
      };
  });

  const employeeOf = await resolveEmployees(
    db,
    parsed.map((entry) => entry.record.employee),
  );
  // The first record with an id in the batch is the one inserted; repeats of the id are answered
  // by comparing with what ends up stored, like a retry in a later batch would be.
  const toInsert = new Map<string, CallRow>();
  const pending: { index: number; row: CallRow; first: boolean }[] = [];
  for (const { index, record } of parsed) {
    const match = employeeOf(record.employee);
    if ("problem" in match) {
      results[index] = {
        index,
        externalId: record.externalId,
        status: "invalid",
        reason: `employee: ${match.problem}`,
      };
      continue;
    }
    const row = toRow(record, match.userId);
    const first = !toInsert.has(row.externalId);
    if (first) toInsert.set(row.externalId, row);
    pending.push({ index, row, first });
  }

  const inserted = await insertRows(db, [...toInsert.values()]);
  const stored = new Map<string, string>();
  for (const id of inserted) stored.set(id, fingerprint(toInsert.get(id)!));
  const existingIds = [...toInsert.keys()].filter((id) => !inserted.has(id));
  if (existingIds.length) {
    const rows = await db.call.findMany({
      where: { externalId: { in: existingIds } },
      select: {
        externalId: true,
        employeeId: true,
        direction: true,
        status: true,
        phoneNumber: true,
        lineNumber: true,
        startedAt: true,
        durationSeconds: true,
        crmEntityType: true,
        crmEntityId: true,
      },
    });
    for (const row of rows) stored.set(row.externalId, fingerprint(row as CallRow));
  }
  for (const { index, row, first } of pending) {
    const status: IngestStatus =
      first && inserted.has(row.externalId)
        ? "created"
        : stored.get(row.externalId) === fingerprint(row)
          ? "unchanged"
          : "conflict";
    results[index] = { index, externalId: row.externalId, status };
  }
  return results;
}
