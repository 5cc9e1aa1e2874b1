import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { GridLoadError } from "@/components/data/grid/grid-load-error";
import { GridSkeleton } from "@/components/data/grid/grid-skeleton";
import { PageHeader } from "@/components/shell/app-shell";
import type { Access } from "@/lib/access/access";
import { requireSection } from "@/lib/access/request";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import type { PageSize } from "@/lib/grid/params";
import { listPresets, loadGridPreference } from "@/lib/grid/preferences";
import { callPage } from "@/lib/telephony/calls/page-data";
import { CALL_GRID, CALL_GRID_KEY, loadCallParams, normalizeCallParams } from "@/lib/telephony/calls/params";
import { CallLog } from "./_components/call-log";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/calls">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Calls" }))("title") };
}

export default async function CallsPage({ params, searchParams }: PageProps<"/[locale]/telephony/calls">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSection("calls");
  const t = await getTranslations("Calls");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Suspense fallback={<GridSkeleton />}>
        <CallData viewer={viewer} access={access} searchParams={searchParams} />
      </Suspense>
    </>
  );
}

/** Rows and statistics: the calls("statistics") scope and the URL's filters, all in the database. */
async function CallData({
  viewer,
  access,
  searchParams,
}: {
  viewer: Viewer;
  access: Access;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [preference, presets] = await Promise.all([
    loadGridPreference(db, viewer.id, CALL_GRID),
    listPresets(db, viewer.id, CALL_GRID_KEY),
  ]);
  const query = normalizeCallParams(loadCallParams(await searchParams), preference.pageSize);
  try {
    const page = await callPage(db, access, query, { timeZone: appTimeZone() });
    return (
      <CallLog
        rows={page.rows}
        total={page.total}
        statistics={page.statistics}
        people={page.people}
        columns={preference.columns}
        page={query.page}
        perPage={query.perPage as PageSize}
        presets={presets}
        canDownload={access.isPortalAdmin}
      />
    );
  } catch (error) {
    console.error("[calls] query failed", error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
    const t = await getTranslations("Calls");
    return <GridLoadError title={t("loadFailed")} />;
  }
}
