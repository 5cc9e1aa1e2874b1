"use client";
import { AlertTriangleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  const common = useTranslations("Common");
  return (
    <EmptyState
      titleAs="h1"
      icon={<AlertTriangleIcon />}
      title={t("errorTitle")}
      hint={common("unexpectedError")}
      action={
        <Button variant="outline" className="mt-2" onClick={reset}>
          {common("retry")}
        </Button>
      }
    />
  );
}
