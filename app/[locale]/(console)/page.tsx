import { ArrowRightIcon } from "lucide-react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { sections } from "@/components/shell/nav-items";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/access/request";
import { sectionsFor } from "@/lib/access/sections";
import { Link } from "@/lib/i18n/navigation";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSignedIn();
  const t = await getTranslations("Home");
  const nav = await getTranslations("Nav");
  const errors = await getTranslations("Errors");
  const visible = sectionsFor(access);
  return (
    <>
      <PageHeader title={t("title", { name: viewer.firstName })} description={t("subtitle")} />
      {visible.length === 0 && <p className="text-sm text-muted-foreground">{errors("extranetOnly")}</p>}
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {visible.map((key) => (
          <Card key={key} className="transition-colors hover:border-primary/40">
            <Link href={sections[key].href} className="flex items-center justify-between gap-3 p-4">
              <span>
                <span className="block text-xs uppercase tracking-wide text-muted-foreground">
                  {sections[key].group === "admin" ? nav("auditLog") : nav(sections[key].group)}
                </span>
                <span className="font-medium">{nav(sections[key].label)}</span>
              </span>
              <ArrowRightIcon className="size-4 text-muted-foreground rtl:rotate-180" />
            </Link>
          </Card>
        ))}
      </div>
    </>
  );
}
