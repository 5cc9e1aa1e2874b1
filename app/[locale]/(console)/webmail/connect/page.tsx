import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { WEBMAIL } from "@/lib/access/catalog";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { requireSignedIn } from "@/lib/access/request";
import { describeSubjects } from "@/lib/access/subject-directory";
import { db } from "@/lib/db";
import { ConnectForm } from "./_components/connect-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/connect">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Connect" }))("title") };
}

export default async function ConnectPage({ params }: PageProps<"/[locale]/webmail/connect">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSignedIn();
  const forOthers = canConnectForOthers(access);
  if (!access.isEmployee || !(access.allowed(WEBMAIL.connectOwn.key) || forOthers)) forbidden();
  const labels = await describeSubjects(db, [{ kind: "USER", refId: viewer.id }]);
  const t = await getTranslations("Connect");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <ConnectForm owner={labels[`USER:${viewer.id}`]!} canChooseOwner={forOthers} />
    </div>
  );
}
