import { FileQuestionIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("Errors");
  return (
    <EmptyState
      titleAs="h1"
      icon={<FileQuestionIcon />}
      title={t("notFoundTitle")}
      hint={t("notFoundText")}
      action={
        <Button asChild variant="outline" className="mt-2">
          <Link href="/">{t("goHome")}</Link>
        </Button>
      }
    />
  );
}
