"use client";
import { getCoreRowModel, type RowSelectionState, useReactTable } from "@tanstack/react-table";
import { DownloadIcon, InboxIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { ColumnChooser } from "@/components/data/grid/column-chooser";
import { GridEmpty } from "@/components/data/grid/grid-empty";
import { GridFooter } from "@/components/data/grid/grid-footer";
import { GridTable } from "@/components/data/grid/grid-table";
import { PresetsMenu, type SavedPreset } from "@/components/data/grid/presets-menu";
import { SearchBox } from "@/components/data/search-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { PageSize } from "@/lib/grid/params";
import type { GridRowView } from "@/lib/mailboxes/grid/page-data";
import { GRID_COLUMNS, type GridColumn, serializeGridParams } from "@/lib/mailboxes/grid/params";
import { cn } from "@/lib/utils";
import { useSyncStatuses } from "../../_components/use-sync-statuses";
import { syncNowAction } from "../../_lib/mailbox-actions";
import { deletePresetAction, saveGridPreferenceAction, savePresetAction } from "../_lib/grid-actions";
import { countActiveFilters, useGridUrl } from "../_lib/use-grid-url";
import { buildColumns } from "./columns";
import { currentFilters, FilterChips } from "./filter-chips";
import { FilterPanel } from "./filter-panel";

/** The built-in presets answer the everyday questions in one click (SPEC §2.2). */
export const BUILT_IN_PRESETS = {
  notSynced7: "sync=older&syncDays=7&sort=lastSync&dir=asc",
  inCrm: "crm=yes",
  errors: "status=ERROR,NEEDS_PASSWORD",
  largest: "sort=disk&dir=desc",
} as const;
const PRESET_ACTIONS = { save: savePresetAction, remove: deletePresetAction };
// Owner and email identify a row (lib/mailboxes/grid/preferences.ts).
const REQUIRED_COLUMNS: GridColumn[] = ["owner", "email"];

// Needed only once rows are selected: loaded then, not with the page.
const BulkBar = dynamic(() => import("./bulk-bar").then((module) => module.BulkBar), { ssr: false });

export interface MailboxGridProps {
  rows: GridRowView[];
  total: number;
  /** Names of the people and groups in the rows and in the URL's filters. */
  labels: Record<string, SubjectLabel>;
  columns: GridColumn[];
  page: number;
  perPage: PageSize;
  presets: SavedPreset[];
  canCrm: boolean;
}

// The first cells stay in place while the rest scroll sideways on a narrow screen.
const STICKY_SELECT =
  "sticky start-0 z-10 w-10 min-w-10 bg-card group-hover:bg-muted group-data-[state=selected]:bg-accent";
const stickyFirst = (withSelect: boolean) =>
  cn(
    "sticky z-10 bg-card group-hover:bg-muted group-data-[state=selected]:bg-accent after:absolute after:inset-y-0 after:end-0 after:w-px after:bg-border",
    withSelect ? "start-10" : "start-0",
  );

export function MailboxGrid({
  rows,
  total,
  labels,
  columns: savedColumns,
  page,
  perPage,
  presets,
  canCrm,
}: MailboxGridProps) {
  const t = useTranslations("Grid");
  const errors = useTranslations("ActionErrors");
  const format = useFormatter();
  const locale = useLocale();
  const url = useGridUrl();
  const [columns, setColumns] = useState(savedColumns);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const { statuses, markQueued } = useSyncStatuses(useMemo(() => rows.map((row) => row.sync), [rows]));
  // Marks the grid interactive (tests and screenshots wait for it rather than for a timeout).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // A new page of rows (navigation, filter, refresh) starts with nothing selected.
  const [selectionRows, setSelectionRows] = useState(rows);
  if (selectionRows !== rows) {
    setSelectionRows(rows);
    setRowSelection({});
  }

  const savePreference = (next: { columns?: GridColumn[]; pageSize?: PageSize }) => {
    void saveGridPreferenceAction({ columns: next.columns ?? columns, pageSize: next.pageSize ?? perPage }).then(
      (result) => {
        if (!result.ok) toast.error(errors(result.error.code));
      },
    );
  };
  const selectable = rows.some((row) => row.canEdit);
  const definitions = buildColumns({
    t,
    format,
    labels,
    statusOf: (row) => statuses.get(row.id) ?? row.sync,
    markQueued,
    sort: { key: url.params.sort, dir: url.params.dir },
    onSort: url.toggleSort,
    selectable,
    onSyncRow: (id) =>
      void syncNowAction({ mailboxIds: [id] }).then((result) =>
        result.ok ? markQueued(result.data.queued) : toast.error(errors(result.error.code)),
      ),
  });
  const visible = [
    ...(selectable ? [definitions.select] : []),
    ...columns.map((column) => definitions[column]),
    ...(selectable ? [definitions.actions] : []),
  ];
  const table = useReactTable({
    data: rows,
    columns: visible,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    enableRowSelection: (row) => row.original.canEdit,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });
  const selected = Object.keys(rowSelection).map(Number);
  const filtered = countActiveFilters(url.params) > 0 || url.params.q !== "";
  const exportHref = `/api/mailboxes/export${serializeGridParams({ ...currentFilters(url.params), q: url.params.q, sort: url.params.sort, dir: url.params.dir })}`;
  const exportQuery = `${exportHref.includes("?") ? "&" : "?"}cols=${columns.join(",")}&locale=${locale}`;

  return (
    <div className="flex flex-col gap-3" data-testid="grid-root" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox label={t("searchLabel")} placeholder={t("searchPlaceholder")} className="sm:w-72" />
        <FilterPanel
          filters={currentFilters(url.params)}
          labels={labels}
          activeCount={countActiveFilters(url.params)}
          onApply={(filters) => url.setFilters(filters)}
        />
        <PresetsMenu
          builtIn={Object.entries(BUILT_IN_PRESETS).map(([key, query]) => ({
            key,
            query,
            label: t(`builtIn.${key as keyof typeof BUILT_IN_PRESETS}`),
          }))}
          actions={PRESET_ACTIONS}
          saved={presets}
          currentQuery={url.presetQuery()}
          onApply={url.applyPreset}
        />
        <div className="ms-auto flex items-center gap-2">
          <Button asChild variant="outline">
            <a href={`${exportHref}${exportQuery}`} download data-testid="export-csv" aria-label={t("exportCsv")}>
              <DownloadIcon /> <span className="hidden sm:inline">{t("exportCsv")}</span>
            </a>
          </Button>
          <ColumnChooser
            all={GRID_COLUMNS}
            required={REQUIRED_COLUMNS}
            closing="manage"
            label={(column) => t(`columns.${column}`)}
            columns={columns}
            onChange={(next) => {
              setColumns(next);
              savePreference({ columns: next });
            }}
          />
        </div>
      </div>
      <FilterChips url={url} labels={labels} />
      {selected.length > 0 && (
        <BulkBar selected={selected} canCrm={canCrm} onQueued={markQueued} onClear={() => setRowSelection({})} />
      )}
      <Card className={cn("overflow-hidden transition-opacity", url.pending && "opacity-60")} aria-busy={url.pending}>
        {rows.length === 0 ? (
          <GridEmpty
            filtered={filtered}
            onClearFilters={url.clearFilters}
            icon={<InboxIcon />}
            title={t("empty")}
            hint={t("emptyHint")}
          />
        ) : (
          <GridTable
            table={table}
            testId="mailbox-grid"
            total={total}
            sortKeys={SORTABLE}
            sort={{ key: url.params.sort, dir: url.params.dir }}
            headClassName={(header, index) =>
              cn(
                header.column.id === "select" && cn(STICKY_SELECT, "bg-muted group-hover:bg-muted"),
                index === (selectable ? 1 : 0) && cn(stickyFirst(selectable), "bg-muted group-hover:bg-muted"),
              )
            }
            cellClassName={(cell, index) =>
              cn(
                "max-w-80",
                cell.column.id === "select" && STICKY_SELECT,
                index === (selectable ? 1 : 0) && cn(stickyFirst(selectable), "max-w-56"),
                cell.column.id === "actions" && "w-10",
              )
            }
            rowProps={(row) => ({
              className: "group",
              "data-state": row.getIsSelected() ? "selected" : undefined,
              "data-mailbox-id": row.original.id,
            })}
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

const SORTABLE: Record<string, string> = { owner: "owner", email: "email", lastSync: "lastSync", disk: "disk" };
