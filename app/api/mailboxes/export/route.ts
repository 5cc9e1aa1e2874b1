import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getAccess } from "@/lib/access/request";
import { canOpen } from "@/lib/access/sections";
import { db, isDatabaseUnavailable } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import { startTextStream } from "@/lib/http/text-stream";
import { routing } from "@/lib/i18n/routing";
import { gridCsv, type SubjectText } from "@/lib/mailboxes/grid/csv";
import { GRID_COLUMNS, type GridColumn, loadGridParams, normalizeGridParams } from "@/lib/mailboxes/grid/params";
import { loadGridPreference } from "@/lib/mailboxes/grid/preferences";

export const dynamic = "force-dynamic";

/** The export could not start. Nothing has been sent yet, so the client gets an error status and why. */
function exportFailed(error: unknown) {
  console.error("[export] the CSV export could not start:", error instanceof Error ? error.message : typeof error);
  const unavailable = isDatabaseUnavailable(error);
  const message = unavailable
    ? "The database is not reachable right now; no file was created. Try again shortly."
    : "The export could not be created; no file was sent. The server log has the details.";
  return NextResponse.json({ error: "UNEXPECTED", message }, { status: unavailable ? 503 : 500 });
}

/** GET /api/mailboxes/export?<grid filters>&cols=owner,email,… — the filtered grid as CSV. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (!canOpen.mailboxes(current.access)) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const url = new URL(request.url);
  const preference = await loadGridPreference(db, current.viewer.id);
  const requested = (url.searchParams.get("cols") ?? "")
    .split(",")
    .filter((column): column is GridColumn => GRID_COLUMNS.includes(column as GridColumn));
  const columns = requested.length ? requested : preference.columns;
  const query = normalizeGridParams(loadGridParams(url.searchParams), preference.pageSize);
  const locale =
    routing.locales.find((candidate) => candidate === url.searchParams.get("locale")) ?? routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "Grid.columns" });
  const headers = Object.fromEntries(
    [...GRID_COLUMNS, "unread"].map((column) => [column, t(column as "owner")]),
  ) as Record<GridColumn | "unread", string>;
  const subjects = await getTranslations({ locale, namespace: "Subjects" });
  const subjectText: SubjectText = (ref, label) => {
    if (ref.kind === "ALL_EMPLOYEES" || ref.kind === "ALL_HEADS" || ref.kind === "ADMINS")
      return subjects(`special.${ref.kind}`);
    const name = label?.name ?? subjects("unknown");
    return ref.kind === "DEPARTMENT_TREE" ? subjects("withSubDepartments", { name }) : name;
  };
  const lines = gridCsv(db, current.access, query, columns, headers, { timeZone: appTimeZone(), subjectText });
  let body: ReadableStream<Uint8Array>;
  try {
    body = await startTextStream(lines);
  } catch (error) {
    return exportFailed(error);
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mailboxes-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
