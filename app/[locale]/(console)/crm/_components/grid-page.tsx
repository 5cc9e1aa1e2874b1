// The data part of a CRM grid page: preference, URL state and one page of rows, in <Suspense>.
import { getTranslations } from "next-intl/server";
import { GridLoadError } from "@/components/data/grid/grid-load-error";
import { CONTACT_GRID, LEAD_GRID, loadCrmGridParams, normalizeCrmGridParams } from "@/lib/crm/grid/params";
import { contactPage, leadPage } from "@/lib/crm/grid/query";
import { db } from "@/lib/db";
import type { PageSize } from "@/lib/grid/params";
import { loadGridPreference } from "@/lib/grid/preferences";
import { type CrmGridRow, RecordGrid } from "./record-grid";

export async function CrmGridData({
  kind,
  viewerId,
  searchParams,
}: {
  kind: "leads" | "contacts";
  viewerId: number;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const preference =
    kind === "leads"
      ? await loadGridPreference(db, viewerId, LEAD_GRID)
      : await loadGridPreference(db, viewerId, CONTACT_GRID);
  const query = normalizeCrmGridParams(loadCrmGridParams(await searchParams), preference.pageSize);
  try {
    let rows: CrmGridRow[];
    let total: number;
    if (kind === "leads") {
      const page = await leadPage(db, viewerId, query);
      total = page.total;
      rows = page.rows.map((lead) => ({
        id: lead.id,
        title: lead.title,
        name: lead.name,
        email: lead.email ?? "",
        phone: "",
        company: null,
        status: lead.status,
        source: lead.source,
        createdAt: lead.createdAt.toISOString(),
        responsible: lead.responsible,
      }));
    } else {
      const page = await contactPage(db, viewerId, query);
      total = page.total;
      rows = page.rows.map((contact) => ({
        id: contact.id,
        title: contact.name,
        name: contact.name,
        email: contact.emails.join(", "),
        phone: contact.phones[0] ?? "",
        company: contact.company,
        status: null,
        source: contact.source,
        createdAt: contact.createdAt.toISOString(),
        responsible: contact.responsible,
      }));
    }
    return (
      <RecordGrid
        kind={kind}
        rows={rows}
        total={total}
        columns={preference.columns}
        page={query.page}
        perPage={query.perPage as PageSize}
      />
    );
  } catch (error) {
    console.error("[crm] query failed", error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
    const t = await getTranslations("CrmPages");
    return <GridLoadError title={t("loadFailed")} />;
  }
}
