"use client";
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon } from "lucide-react";
import { cn } from "@/lib/utils";

export interface SortState<K extends string> {
  key: K;
  dir: "asc" | "desc";
}

/** A sortable column header: one click ascending, the next descending (the grid's URL hook decides). */
export function SortHeader<K extends string>({
  label,
  ariaLabel,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  /** "Sort by …", in the grid's own words. */
  ariaLabel: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
}) {
  const active = sort.key === sortKey;
  const Icon = !active ? ArrowUpDownIcon : sort.dir === "asc" ? ArrowUpIcon : ArrowDownIcon;
  return (
    <button
      type="button"
      onClick={() => onSort(sortKey)}
      className={cn(
        "-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        active && "text-foreground",
      )}
      aria-label={ariaLabel}
      data-testid={`sort-${sortKey}`}
      data-sorted={active ? sort.dir : undefined}
    >
      {label}
      <Icon className="size-3" />
    </button>
  );
}

/** aria-sort for a header: which columns sort by which key comes from the grid. */
export function ariaSort(sortKeyOfColumn: string | undefined, sort: SortState<string>) {
  if (!sortKeyOfColumn) return undefined;
  if (sortKeyOfColumn !== sort.key) return "none" as const;
  return sort.dir === "asc" ? ("ascending" as const) : ("descending" as const);
}
