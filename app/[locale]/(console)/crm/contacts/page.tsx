import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { GridSkeleton } from "@/components/data/grid/grid-skeleton";
import { PageHeader } from "@/components/shell/app-shell";
import { requireSection } from "@/lib/access/request";
import { CrmGridData } from "../_components/grid-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/crm/contacts">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CrmPages" }))("contacts.title") };
}

export default async function ContactsPage({ params, searchParams }: PageProps<"/[locale]/crm/contacts">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await requireSection("crmContacts");
  const t = await getTranslations("CrmPages");
  return (
    <>
      <PageHeader title={t("contacts.title")} description={t("contacts.subtitle")} />
      <Suspense fallback={<GridSkeleton />}>
        <CrmGridData kind="contacts" viewerId={viewer.id} searchParams={searchParams} />
      </Suspense>
    </>
  );
}
