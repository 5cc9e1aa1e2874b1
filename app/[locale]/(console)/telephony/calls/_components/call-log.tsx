"use client";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { DownloadIcon, PhoneIcon, XIcon } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ColumnChooser } from "@/components/data/grid/column-chooser";
import { GridEmpty } from "@/components/data/grid/grid-empty";
import { GridFooter } from "@/components/data/grid/grid-footer";
import { GridTable } from "@/components/data/grid/grid-table";
import { PresetsMenu, type SavedPreset } from "@/components/data/grid/presets-menu";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PageSize } from "@/lib/grid/params";
import type { CallRowView, PersonName } from "@/lib/telephony/calls/page-data";
import { CALL_COLUMNS, CALL_GRID, type CallColumn, DEFAULT_RANGE_DAYS } from "@/lib/telephony/calls/params";
import type { CallStatistics } from "@/lib/telephony/calls/query";
import { cn, fullName } from "@/lib/utils";
import { deleteCallPresetAction, saveCallGridPreferenceAction, saveCallPresetAction } from "../_lib/actions";
import { countCallFilters, currentCallFilters, useCallUrl } from "../_lib/use-call-url";
import { CallFiltersPanel } from "./call-filters";
import { CallStats } from "./call-stats";
import { buildCallColumns } from "./columns";

const BUILT_IN = {
  missed: "status=MISSED",
  incoming: "direction=INCOMING",
  outgoing: "direction=OUTGOING",
  longest: "sort=duration&dir=desc",
} as const;
const PRESET_ACTIONS = { save: saveCallPresetAction, remove: deleteCallPresetAction };
const SORTABLE: Record<string, string> = {
  startedAt: "startedAt",
  employee: "employee",
  number: "number",
  duration: "duration",
};

export interface CallLogProps {
  rows: CallRowView[];
  total: number;
  statistics: CallStatistics;
  people: PersonName[];
  columns: CallColumn[];
  page: number;
  perPage: PageSize;
  presets: SavedPreset[];
  canDownload: boolean;
}

export function CallLog({
  rows,
  total,
  statistics,
  people,
  columns: saved,
  page,
  perPage,
  presets,
  canDownload,
}: CallLogProps) {
  const t = useTranslations("Calls");
  const errors = useTranslations("ActionErrors");
  const format = useFormatter();
  const locale = useLocale();
  const url = useCallUrl();
  const [columns, setColumns] = useState(saved);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const savePreference = (next: { columns?: CallColumn[]; pageSize?: PageSize }) =>
    void saveCallGridPreferenceAction({ columns: next.columns ?? columns, pageSize: next.pageSize ?? perPage }).then(
      (result) => {
        if (!result.ok) toast.error(errors(result.error.code));
      },
    );
  const onEmployee = (id: number) => url.setFilters({ employees: [id] });
  const definitions = buildCallColumns({
    t,
    format,
    sort: { key: url.params.sort, dir: url.params.dir },
    onSort: url.toggleSort,
    onEmployee,
    canDownload,
  });
  const table = useReactTable({
    data: rows,
    columns: columns.map((column) => definitions[column]),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });
  const filters = currentCallFilters(url.params);
  const activeCount = countCallFilters(filters);
  const nameOf = (id: number) => {
    const person = people.find((candidate) => candidate.id === id);
    return person ? fullName(person) : t("employeeId", { id });
  };
  const exportHref = `/api/telephony/calls/export${url.filterQuery()}`;
  const exportQuery = `${exportHref.includes("?") ? "&" : "?"}cols=${columns.join(",")}&locale=${locale}`;
  return (
    <div className="flex flex-col gap-4" data-testid="grid-root" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <CallFiltersPanel filters={filters} activeCount={activeCount} onApply={url.setFilters} />
        <PresetsMenu
          builtIn={Object.entries(BUILT_IN).map(([key, query]) => ({
            key,
            query,
            label: t(`builtIn.${key as keyof typeof BUILT_IN}`),
          }))}
          actions={PRESET_ACTIONS}
          saved={presets}
          currentQuery={url.presetQuery()}
          onApply={url.applyPreset}
        />
        {!filters.from && !filters.to && (
          <Badge variant="secondary" data-testid="default-range">
            {t("lastDays", { days: DEFAULT_RANGE_DAYS })}
          </Badge>
        )}
        {filters.employees.map((id) => (
          <Badge key={id} variant="outline" className="gap-1" data-testid="employee-chip">
            {nameOf(id)}
            <button
              type="button"
              aria-label={t("removeFilter", { filter: nameOf(id) })}
              onClick={() => url.setFilters({ employees: filters.employees.filter((other) => other !== id) })}
            >
              <XIcon className="size-3" />
            </button>
          </Badge>
        ))}
        {activeCount > 0 && (
          <Button variant="ghost" size="sm" onClick={url.clearFilters} data-testid="clear-filters">
            {t("clearFilters")}
          </Button>
        )}
        <div className="ms-auto flex items-center gap-2">
          <Button asChild variant="outline">
            <a href={`${exportHref}${exportQuery}`} download data-testid="export-csv" aria-label={t("exportCsv")}>
              <DownloadIcon /> <span className="hidden sm:inline">{t("exportCsv")}</span>
            </a>
          </Button>
          <ColumnChooser
            all={CALL_COLUMNS}
            required={CALL_GRID.required}
            label={(column) => t(`columns.${column}`)}
            columns={columns}
            onChange={(next) => {
              setColumns(next);
              savePreference({ columns: next });
            }}
          />
        </div>
      </div>
      <div className={cn("transition-opacity", url.pending && "opacity-60")}>
        <CallStats statistics={statistics} onEmployee={onEmployee} />
      </div>
      <Card className={cn("overflow-hidden transition-opacity", url.pending && "opacity-60")} aria-busy={url.pending}>
        {rows.length === 0 ? (
          <GridEmpty
            filtered={activeCount > 0}
            onClearFilters={url.clearFilters}
            icon={<PhoneIcon />}
            title={t("empty")}
            hint={t("emptyHint")}
          />
        ) : (
          <GridTable
            table={table}
            testId="call-grid"
            total={total}
            sortKeys={SORTABLE}
            sort={{ key: url.params.sort, dir: url.params.dir }}
            rowProps={(row) => ({ "data-call-id": row.original.id })}
          />
        )}
      </Card>
      <GridFooter
        page={page}
        perPage={perPage}
        total={total}
        onPage={url.setPage}
        onPerPage={(size) => {
          url.setPerPage(size);
          savePreference({ pageSize: size });
        }}
      />
    </div>
  );
}
