"use client";
import { XIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useSubjectText } from "@/components/access/subject-chip";
import { Button } from "@/components/ui/button";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { GridParams } from "@/lib/mailboxes/grid/params";
import type { useGridUrl } from "../_lib/use-grid-url";
import type { Filters } from "./filter-panel";

interface Chip {
  key: string;
  text: string;
  remove: () => void;
}

/** The active filters as removable chips above the grid, so what is filtered is never hidden in a panel. */
export function FilterChips({
  url,
  labels,
}: {
  url: ReturnType<typeof useGridUrl>;
  labels: Record<string, SubjectLabel>;
}) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const format = useFormatter();
  const subjectText = useSubjectText();
  const { params } = url;
  const chips: Chip[] = [];
  const text = (key: "email" | "name" | "sender") => {
    if (params[key])
      chips.push({ key, text: `${t(`filter.${key}`)}: ${params[key]}`, remove: () => url.removeFilter(key) });
  };
  const people = (key: "owners" | "access" | "queue") => {
    for (const userId of params[key]) {
      const name = subjectText({ kind: "USER", refId: userId }, labels[`USER:${userId}`]);
      chips.push({
        key: `${key}:${userId}`,
        text: `${t(`filter.${key}`)}: ${name}`,
        remove: () =>
          url.removeFilter(
            key,
            params[key].filter((other) => other !== userId),
          ),
      });
    }
  };
  const day = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }) : "…");
  text("email");
  text("name");
  people("owners");
  if (params.sync) {
    const value =
      params.sync === "older"
        ? t("sync.olderDays", { days: params.syncDays ?? 7 })
        : params.sync === "range"
          ? `${day(params.syncFrom)} – ${day(params.syncTo)}`
          : t(`sync.${params.sync}`);
    chips.push({
      key: "sync",
      text: `${t("filter.lastSync")}: ${value}`,
      remove: () =>
        url.setFilters({ ...currentFilters(params), sync: null, syncDays: null, syncFrom: null, syncTo: null }),
    });
  }
  for (const status of params.status) {
    chips.push({
      key: `status:${status}`,
      text: `${t("filter.status")}: ${t(`status.${status}`)}`,
      remove: () =>
        url.removeFilter(
          "status",
          params.status.filter((other) => other !== status),
        ),
    });
  }
  if (params.crm)
    chips.push({
      key: "crm",
      text: `${t("filter.crm")}: ${common(params.crm)}`,
      remove: () => url.removeFilter("crm"),
    });
  people("access");
  people("queue");
  const mb = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  if (params.diskMin !== null)
    chips.push({
      key: "diskMin",
      text: t("chip.diskMin", { mb: mb(params.diskMin) }),
      remove: () => url.removeFilter("diskMin"),
    });
  if (params.diskMax !== null)
    chips.push({
      key: "diskMax",
      text: t("chip.diskMax", { mb: mb(params.diskMax) }),
      remove: () => url.removeFilter("diskMax"),
    });
  text("sender");
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label={t("activeFilters")} data-testid="filter-chips">
      {chips.map((chip) => (
        <li
          key={chip.key}
          className="flex max-w-full items-center gap-0.5 rounded-full border bg-card py-0.5 ps-2.5 pe-0.5 text-xs"
        >
          <span className="truncate">{chip.text}</span>
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-5 rounded-full"
            onClick={chip.remove}
            aria-label={t("removeFilter", { filter: chip.text })}
          >
            <XIcon className="size-3" />
          </Button>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Button variant="link" size="sm" className="h-6 px-1 text-xs" onClick={url.clearFilters}>
            {t("clearFilters")}
          </Button>
        </li>
      )}
    </ul>
  );
}

/** The filters the panel edits: every filter key except the search box's `q`. */
export function currentFilters(params: GridParams): Filters {
  const { q: _search, sort: _sort, dir: _dir, page: _page, perPage: _perPage, ...filters } = params;
  return filters;
}
