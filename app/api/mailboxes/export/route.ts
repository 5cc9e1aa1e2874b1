import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getAccess } from "@/lib/access/request";
import { canOpen } from "@/lib/access/sections";
import { db } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import { csvDownload, exportLocale, requestedColumns } from "@/lib/http/csv-download";
import { gridCsv, type SubjectText } from "@/lib/mailboxes/grid/csv";
import { GRID_COLUMNS, type GridColumn, loadGridParams, normalizeGridParams } from "@/lib/mailboxes/grid/params";
import { loadGridPreference } from "@/lib/mailboxes/grid/preferences";

export const dynamic = "force-dynamic";

/** GET /api/mailboxes/export?<grid filters>&cols=owner,email,… — the filtered grid as CSV. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  if (!canOpen.mailboxes(current.access)) return NextResponse.json({ error: "FORBIDDEN" }, { status: 403 });
  const url = new URL(request.url);
  const preference = await loadGridPreference(db, current.viewer.id);
  const columns = requestedColumns(url, GRID_COLUMNS, preference.columns);
  const query = normalizeGridParams(loadGridParams(url.searchParams), preference.pageSize);
  const locale = exportLocale(url);
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
  return csvDownload(lines, "mailboxes");
}
