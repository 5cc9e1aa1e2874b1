// CSV export of the filtered call log: the chosen columns, every call the viewer's statistics
// scope and the URL's filters allow, in the log's order, streamed a page at a time.
import "server-only";
import type { Access } from "../../access/access.ts";
import type { Database } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { csvHeader, csvLine } from "../../grid/csv.ts";
import type { CallColumn, CallQuery } from "./params.ts";
import { type CallRow, callConditions, callRows, rowsAfter } from "./query.ts";

/** Rows per query; tests lower it to cross page boundaries with little data. */
export const CSV_PAGE = { size: 1000 };

const VALUE: Record<Exclude<CallColumn, "recording">, (row: CallRow) => unknown> = {
  startedAt: (row) => row.startedAt.toISOString(),
  employee: (row) => (row.employeeId === null ? "" : `${row.employeeFirstName} ${row.employeeLastName}`.trim()),
  direction: (row) => row.direction,
  status: (row) => row.status,
  number: (row) => row.phoneNumber,
  duration: (row) => row.durationSeconds,
  line: (row) => row.lineNumber,
  crm: (row) => (row.crmEntityType ? `${row.crmEntityType}:${row.crmEntityId ?? ""}` : ""),
};

export async function* callsCsv(
  db: Database,
  access: Access,
  query: CallQuery,
  columns: CallColumn[],
  headers: Record<CallColumn, string>,
  options: { now?: Date; timeZone?: string } = {},
) {
  const exported = columns.filter((column): column is Exclude<CallColumn, "recording"> => column !== "recording");
  const scope = await access.calls("statistics");
  const conditions = callConditions(scope, query, options.now ?? new Date(), options.timeZone ?? "UTC");
  const where = (extra: Prisma.Sql | null) =>
    Prisma.sql`WHERE ${Prisma.join(extra ? [...conditions, extra] : conditions, " AND ")}`;
  const size = CSV_PAGE.size;
  // The first page is read before anything is sent (lib/http/text-stream.ts): a failing query
  // still becomes an error status, not a truncated file.
  let rows = await callRows(db, where(null), query, scope, 1, size);
  yield csvHeader(exported.map((column) => headers[column]));
  for (let page = 2; rows.length > 0; page += 1) {
    yield rows.map((row) => csvLine(exported.map((column) => VALUE[column](row)))).join("");
    if (rows.length < size) break;
    // After the last row by keyset where the sort allows it, else by offset.
    const after = rowsAfter(query, rows[rows.length - 1]!);
    rows = await callRows(db, where(after), query, scope, after ? 1 : page, size);
  }
}
