import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { GridSkeleton } from "@/components/data/grid/grid-skeleton";
import { PageHeader } from "@/components/shell/app-shell";
import { requireSection } from "@/lib/access/request";
import { CrmGridData } from "../_components/grid-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/crm/leads">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CrmPages" }))("leads.title") };
}

export default async function LeadsPage({ params, searchParams }: PageProps<"/[locale]/crm/leads">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await requireSection("crmLeads");
  const t = await getTranslations("CrmPages");
  return (
    <>
      <PageHeader title={t("leads.title")} description={t("leads.subtitle")} />
      <Suspense fallback={<GridSkeleton />}>
        <CrmGridData kind="leads" viewerId={viewer.id} searchParams={searchParams} />
      </Suspense>
    </>
  );
}
