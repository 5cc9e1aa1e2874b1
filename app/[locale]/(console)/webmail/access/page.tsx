import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSection } from "@/lib/access/request";
import { RoleEditorPage } from "../../_access-rights/editor-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/access">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "AccessRights" }))("webmailTitle") };
}

export default async function WebmailAccessPage({ params }: PageProps<"/[locale]/webmail/access">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await requireSection("webmailAccess");
  return <RoleEditorPage module="WEBMAIL" userId={viewer.id} />;
}
