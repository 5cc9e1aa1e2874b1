"use client";
import { FilterIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { STATUS_FILTERS, SYNC_FILTERS } from "@/lib/mailboxes/grid/params";

export interface Filters {
  email: string;
  name: string;
  sender: string;
  owners: number[];
  access: number[];
  queue: number[];
  sync: (typeof SYNC_FILTERS)[number] | null;
  syncDays: number | null;
  syncFrom: Date | null;
  syncTo: Date | null;
  crm: "yes" | "no" | null;
  status: (typeof STATUS_FILTERS)[number][];
  diskMin: number | null;
  diskMax: number | null;
}

// The form, its people picker and their server action load on first use, not with the page.
const FilterSheet = dynamic(() => import("./filter-sheet"), { ssr: false });

/** The Filters button (with the number of active filters) and, once pressed, the filter sheet. */
export function FilterPanel({
  filters,
  labels,
  activeCount,
  onApply,
}: {
  filters: Filters;
  labels: Record<string, SubjectLabel>;
  activeCount: number;
  onApply: (filters: Filters, labels: Record<string, SubjectLabel>) => void;
}) {
  const t = useTranslations("Grid");
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        variant="outline"
        data-testid="open-filters"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <FilterIcon /> {t("filters")}
        {activeCount > 0 && <Badge>{activeCount}</Badge>}
      </Button>
      {used && <FilterSheet filters={filters} labels={labels} open={open} onOpenChange={setOpen} onApply={onApply} />}
    </>
  );
}
