// A short account of what an audit event changed, for the list: which fields, with their values
// cut short. The full before/after can be enormous (a 5,000-contact import is one event of about
// a megabyte), so the list never loads it: PostgreSQL walks the JSON and sends only the summary;
// the whole change is read one event at a time, on its own page.
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";

/** Fields shown per event in the list; the rest is counted. */
export const SUMMARY_FIELDS = 6;
/** Characters of a value shown in the list. */
export const SUMMARY_VALUE_CHARS = 80;
// Nested objects are compared this many levels deep (role levels are one level down).
const MAX_DEPTH = 3;

/** One side of a changed field: absent, or a short preview of the JSON value. */
export interface ValuePreview {
  /** The value as text (strings without quotes), at most SUMMARY_VALUE_CHARS characters. */
  text: string;
  truncated: boolean;
  /** For arrays: how many entries. */
  entries: number | null;
}

export interface FieldChange {
  /** Dotted path of the field; "" when the whole value changed (e.g. a list). */
  field: string;
  before: ValuePreview | null;
  after: ValuePreview | null;
}

export interface ChangeSummary {
  fields: FieldChange[];
  /** How many fields changed in all (fields holds the first SUMMARY_FIELDS). */
  total: number;
}

interface SummaryRow {
  id: bigint;
  field: string;
  total: number;
  beforeText: string | null;
  beforeTruncated: boolean | null;
  beforeEntries: number | null;
  afterText: string | null;
  afterTruncated: boolean | null;
  afterEntries: number | null;
}

/** Three columns previewing one side: its text cut short, whether it was cut, array length. */
const preview = (side: "b" | "a", name: "before" | "after") => {
  const value = Prisma.raw(`l.${side}`);
  const text = Prisma.sql`CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' ELSE ${value}::text END`;
  return Prisma.sql`left(${text}, ${SUMMARY_VALUE_CHARS}) AS ${Prisma.raw(`"${name}Text"`)},
    length(${text}) > ${SUMMARY_VALUE_CHARS} AS ${Prisma.raw(`"${name}Truncated"`)},
    CASE WHEN jsonb_typeof(${value}) = 'array' THEN jsonb_array_length(${value}) END AS ${Prisma.raw(`"${name}Entries"`)}`;
};

/**
 * The summaries of these events, by id. A create or delete (one side missing) lists the fields of
 * the side it has; a non-object value (a list of assignments) is one field named "".
 */
export async function summarizeChanges(db: Db, ids: bigint[]): Promise<Map<bigint, ChangeSummary>> {
  const summaries = new Map<bigint, ChangeSummary>(ids.map((id) => [id, { fields: [], total: 0 }]));
  if (ids.length === 0) return summaries;
  const objectKeys = (side: string) =>
    Prisma.raw(`jsonb_object_keys(CASE WHEN jsonb_typeof(d.${side}) = 'object' THEN d.${side} ELSE '{}' END)`);
  const rows = await db.$queryRaw<SummaryRow[]>`
    WITH RECURSIVE diff AS (
      SELECT e.id, ''::text AS path, 0 AS depth,
        CASE WHEN e.before IS NULL AND jsonb_typeof(e.after) = 'object' THEN '{}'::jsonb ELSE e.before END AS b,
        CASE WHEN e.after IS NULL AND jsonb_typeof(e.before) = 'object' THEN '{}'::jsonb ELSE e.after END AS a
      FROM "AuditEvent" e WHERE e.id = ANY(${ids}::bigint[])
      UNION ALL
      SELECT d.id, CASE WHEN d.path = '' THEN k.key ELSE d.path || '.' || k.key END, d.depth + 1,
        d.b -> k.key, d.a -> k.key
      FROM diff d
      CROSS JOIN LATERAL (SELECT ${objectKeys("b")} UNION SELECT ${objectKeys("a")}) AS k(key)
      WHERE jsonb_typeof(d.b) = 'object' AND jsonb_typeof(d.a) = 'object' AND d.depth < ${MAX_DEPTH}
        AND (d.b -> k.key) IS DISTINCT FROM (d.a -> k.key)
    ),
    leaves AS (
      SELECT id, path, b, a,
        row_number() OVER (PARTITION BY id ORDER BY path) AS n,
        count(*) OVER (PARTITION BY id)::int AS total
      FROM diff
      WHERE NOT coalesce(jsonb_typeof(b) = 'object' AND jsonb_typeof(a) = 'object' AND depth < ${MAX_DEPTH}, false)
        AND b IS DISTINCT FROM a
    )
    SELECT l.id, l.path AS field, l.total,
      ${preview("b", "before")}, ${preview("a", "after")}
    FROM leaves l WHERE l.n <= ${SUMMARY_FIELDS}
    ORDER BY l.id, l.n`;
  for (const row of rows) {
    const summary = summaries.get(row.id);
    if (!summary) continue;
    summary.total = row.total;
    summary.fields.push({
      field: row.field,
      before:
        row.beforeText === null
          ? null
          : { text: row.beforeText, truncated: row.beforeTruncated ?? false, entries: row.beforeEntries },
      after:
        row.afterText === null
          ? null
          : { text: row.afterText, truncated: row.afterTruncated ?? false, entries: row.afterEntries },
    });
  }
  return summaries;
}
