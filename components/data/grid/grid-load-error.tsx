"use client";
import { AlertTriangleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useRouter } from "@/lib/i18n/navigation";

/** The grid's error state: the rows could not be loaded; the filters in the URL are kept for a retry. */
export function GridLoadError({ title }: { title?: string }) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Card role="alert" data-testid="grid-error">
      <EmptyState
        icon={<AlertTriangleIcon className="text-destructive" />}
        title={title ?? t("loadFailed")}
        hint={t("loadFailedHint")}
        action={
          <Button
            variant="outline"
            className="mt-2"
            disabled={pending}
            onClick={() => startTransition(() => router.refresh())}
          >
            {common("retry")}
          </Button>
        }
      />
    </Card>
  );
}
