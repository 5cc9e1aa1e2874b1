import { PlusIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { GridLoadError } from "@/components/data/grid/grid-load-error";
import { GridSkeleton } from "@/components/data/grid/grid-skeleton";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import type { Access } from "@/lib/access/access";
import { WEBMAIL } from "@/lib/access/catalog";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { requireSection } from "@/lib/access/request";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { appTimeZone } from "@/lib/env";
import type { PageSize } from "@/lib/grid/params";
import { Link } from "@/lib/i18n/navigation";
import { gridPage } from "@/lib/mailboxes/grid/page-data";
import { loadGridParams, normalizeGridParams } from "@/lib/mailboxes/grid/params";
import { listPresets, loadGridPreference } from "@/lib/mailboxes/grid/preferences";
import { MailboxGrid } from "./_components/mailbox-grid";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/mailboxes">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Grid" }))("title") };
}

export default async function MailboxGridPage({ params, searchParams }: PageProps<"/[locale]/webmail/mailboxes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSection("mailboxes");
  const t = await getTranslations("Grid");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          canConnectForOthers(access) && (
            <>
              <Button asChild variant="outline">
                <Link href="/webmail/bulk-connect">
                  <UsersIcon /> {t("bulkConnect")}
                </Link>
              </Button>
              <Button asChild>
                <Link href="/webmail/connect">
                  <PlusIcon /> {t("connect")}
                </Link>
              </Button>
            </>
          )
        }
      />
      <Suspense fallback={<GridSkeleton />}>
        <GridData viewer={viewer} access={access} searchParams={searchParams} />
      </Suspense>
    </>
  );
}

/** The rows: the access filter, the URL's filters, one page — all in the database (lib/mailboxes/grid). */
async function GridData({
  viewer,
  access,
  searchParams,
}: {
  viewer: Viewer;
  access: Access;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [preference, presets] = await Promise.all([loadGridPreference(db, viewer.id), listPresets(db, viewer.id)]);
  const query = normalizeGridParams(loadGridParams(await searchParams), preference.pageSize);
  try {
    const page = await gridPage(db, access, query, { timeZone: appTimeZone() });
    return (
      <MailboxGrid
        rows={page.rows}
        total={page.total}
        labels={page.labels}
        columns={preference.columns}
        page={query.page}
        perPage={query.perPage as PageSize}
        presets={presets}
        canCrm={access.allowed(WEBMAIL.editCrm.key)}
      />
    );
  } catch (error) {
    // The database did not answer in time (or at all): say so in place of the rows, keep the shell.
    console.error("[grid] query failed", error instanceof Error ? `${error.name}: ${error.message}` : typeof error);
    return <GridLoadError />;
  }
}
