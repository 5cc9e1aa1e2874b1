import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getAccess } from "@/lib/access/request";
import { canOpen } from "@/lib/access/sections";
import { db, isDatabaseUnavailable } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import { loadGridPreference } from "@/lib/grid/preferences";
import { startTextStream } from "@/lib/http/text-stream";
import { routing } from "@/lib/i18n/routing";
import { callsCsv } from "@/lib/telephony/calls/csv";
import {
  CALL_COLUMNS,
  CALL_GRID,
  type CallColumn,
  loadCallParams,
  normalizeCallParams,
} from "@/lib/telephony/calls/params";

export const dynamic = "force-dynamic";

function exportFailed(error: unknown) {
  console.error("[export] the calls export could not start:", error instanceof Error ? error.message : typeof error);
  const unavailable = isDatabaseUnavailable(error);
  const message = unavailable
    ? "The database is not reachable right now; no file was created. Try again shortly."
    : "The export could not be created; no file was sent. The server log has the details.";
  return NextResponse.json({ error: "UNEXPECTED", message }, { status: unavailable ? 503 : 500 });
}

/** GET /api/telephony/calls/export?<call log filters>&cols=startedAt,employee,… — the filtered calls as CSV. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (!canOpen.calls(current.access)) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const url = new URL(request.url);
  const preference = await loadGridPreference(db, current.viewer.id, CALL_GRID);
  const requested = (url.searchParams.get("cols") ?? "")
    .split(",")
    .filter((column): column is CallColumn => CALL_COLUMNS.includes(column as CallColumn));
  const columns = requested.length ? [...new Set(requested)] : preference.columns;
  const query = normalizeCallParams(loadCallParams(url.searchParams), preference.pageSize);
  const locale =
    routing.locales.find((candidate) => candidate === url.searchParams.get("locale")) ?? routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "Calls.columns" });
  const headers = Object.fromEntries(CALL_COLUMNS.map((column) => [column, t(column)])) as Record<CallColumn, string>;
  let body: ReadableStream<Uint8Array>;
  try {
    body = await startTextStream(callsCsv(db, current.access, query, columns, headers, { timeZone: appTimeZone() }));
  } catch (error) {
    return exportFailed(error);
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="calls-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
