import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { requireSignedIn } from "@/lib/access/request";
import { BulkConnectForm } from "./_components/bulk-connect-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/bulk-connect">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "BulkConnect" }))("title") };
}

export default async function BulkConnectPage({ params }: PageProps<"/[locale]/webmail/bulk-connect">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSignedIn();
  if (!canConnectForOthers(access)) forbidden();
  const t = await getTranslations("BulkConnect");
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <BulkConnectForm />
    </div>
  );
}
