import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getAccess } from "@/lib/access/request";
import { canOpen } from "@/lib/access/sections";
import { db } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import { loadGridPreference } from "@/lib/grid/preferences";
import { csvDownload, exportLocale, requestedColumns } from "@/lib/http/csv-download";
import { callsCsv } from "@/lib/telephony/calls/csv";
import {
  CALL_COLUMNS,
  CALL_GRID,
  type CallColumn,
  loadCallParams,
  normalizeCallParams,
} from "@/lib/telephony/calls/params";

export const dynamic = "force-dynamic";

/** GET /api/telephony/calls/export?<call log filters>&cols=startedAt,employee,… — the filtered calls as CSV. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (!canOpen.calls(current.access)) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const url = new URL(request.url);
  const preference = await loadGridPreference(db, current.viewer.id, CALL_GRID);
  const columns = requestedColumns(url, CALL_COLUMNS, preference.columns);
  const query = normalizeCallParams(loadCallParams(url.searchParams), preference.pageSize);
  const t = await getTranslations({ locale: exportLocale(url), namespace: "Calls.columns" });
  const headers = Object.fromEntries(CALL_COLUMNS.map((column) => [column, t(column)])) as Record<CallColumn, string>;
  return csvDownload(callsCsv(db, current.access, query, columns, headers, { timeZone: appTimeZone() }), "calls");
}
