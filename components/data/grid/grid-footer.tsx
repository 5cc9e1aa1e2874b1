"use client";
import { ChevronLeftIcon, ChevronRightIcon, ChevronsLeftIcon, ChevronsRightIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/input";
import { PAGE_SIZES } from "@/lib/grid/params";

/** "1–20 of 640", the page size (remembered for the user) and the pager. */
export function GridFooter({
  page,
  perPage,
  total,
  onPage,
  onPerPage,
}: {
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: (typeof PAGE_SIZES)[number]) => void;
}) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : Math.min(total, (page - 1) * perPage + 1);
  const to = Math.min(total, page * perPage);
  const n = (value: number) => format.number(value);
  const pager: {
    label: string;
    target: number;
    disabled: boolean;
    Icon: typeof ChevronLeftIcon;
    className?: string;
  }[] = [
    {
      label: t("firstPage"),
      target: 1,
      disabled: page <= 1,
      Icon: ChevronsLeftIcon,
      className: "hidden sm:inline-flex",
    },
    { label: common("previous"), target: Math.min(page, pages) - 1, disabled: page <= 1, Icon: ChevronLeftIcon },
    { label: common("next"), target: page + 1, disabled: page >= pages, Icon: ChevronRightIcon },
    {
      label: t("lastPage"),
      target: pages,
      disabled: page >= pages,
      Icon: ChevronsRightIcon,
      className: "hidden sm:inline-flex",
    },
  ];
  return (
    <nav
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1 text-sm text-muted-foreground"
      aria-label={t("pagination")}
    >
      <span data-testid="grid-range" aria-live="polite">
        {common("range", { from: n(from), to: n(to), total: n(total) })}
      </span>
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex items-center gap-2">
          <label htmlFor="grid-page-size" className="hidden sm:inline">
            {t("rowsPerPage")}
          </label>
          <NativeSelect
            id="grid-page-size"
            value={perPage}
            onChange={(event) => onPerPage(Number(event.target.value) as (typeof PAGE_SIZES)[number])}
            className="h-8 w-20"
            aria-label={t("rowsPerPage")}
            data-testid="page-size"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </NativeSelect>
        </span>
        <span className="tabular-nums" data-testid="grid-page">
          {common("page", { page: n(Math.min(page, pages)), pages: n(pages) })}
        </span>
        {pager.map(({ label, target, disabled, Icon, className }) => (
          <Button
            key={label}
            variant="outline"
            size="icon-sm"
            className={className}
            disabled={disabled}
            onClick={() => onPage(target)}
            aria-label={label}
          >
            <Icon className="rtl:rotate-180" />
          </Button>
        ))}
      </div>
    </nav>
  );
}
