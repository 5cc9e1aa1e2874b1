import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Card } from "@/components/ui/card";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { departmentTree } from "@/lib/org/departments";
import { DepartmentTree } from "./_components/department-tree";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/departments">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Departments" }))("title") };
}

export default async function DepartmentsPage({ params }: PageProps<"/[locale]/company/departments">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("departments");
  const nodes = await departmentTree(db);
  const t = await getTranslations("Departments");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card className="p-3 sm:p-4">
        <DepartmentTree nodes={nodes} editable={access.isPortalAdmin} />
      </Card>
    </>
  );
}
