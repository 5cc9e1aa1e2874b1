"use client";
import { SearchXIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * No rows: either filters hide them (offer to clear them) or there is nothing at all yet (the
 * grid's own words). Telling the two apart keeps people from thinking their data is gone.
 */
export function GridEmpty({
  filtered,
  onClearFilters,
  icon,
  title,
  hint,
}: {
  filtered: boolean;
  onClearFilters: () => void;
  icon: ReactNode;
  title: string;
  hint: string;
}) {
  const t = useTranslations("Grid");
  if (filtered)
    return (
      <EmptyState
        icon={<SearchXIcon />}
        title={t("emptyFiltered")}
        hint={t("emptyFilteredHint")}
        action={
          <Button variant="outline" className="mt-2" onClick={onClearFilters} data-testid="empty-clear-filters">
            {t("clearFilters")}
          </Button>
        }
      />
    );
  return (
    <div data-testid="grid-empty">
      <EmptyState icon={icon} title={title} hint={hint} />
    </div>
  );
}
