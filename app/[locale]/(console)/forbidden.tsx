import { ShieldOffIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/lib/i18n/navigation";

export default async function Forbidden() {
  const t = await getTranslations("Errors");
  return (
    <EmptyState
      titleAs="h1"
      icon={<ShieldOffIcon />}
      title={t("forbiddenTitle")}
      hint={t("forbiddenText")}
      action={
        <Button asChild variant="outline" className="mt-2">
          <Link href="/">{t("goHome")}</Link>
        </Button>
      }
    />
  );
}
