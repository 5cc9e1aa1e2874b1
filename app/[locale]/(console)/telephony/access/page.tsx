import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSection } from "@/lib/access/request";
import { RoleEditorPage } from "../../_access-rights/editor-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/access">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "AccessRights" }))("telephonyTitle") };
}

export default async function TelephonyAccessPage({ params }: PageProps<"/[locale]/telephony/access">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await requireSection("telephonyAccess");
  return <RoleEditorPage module="TELEPHONY" userId={viewer.id} />;
}
