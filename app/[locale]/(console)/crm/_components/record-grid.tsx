"use client";
// The leads and contacts grids (issue #12): server-driven pages built from the shared grid pieces
// (search, sort headers, column chooser with saved preferences, footer, empty state).
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { ContactIcon, TargetIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { ColumnChooser } from "@/components/data/grid/column-chooser";
import { GridEmpty } from "@/components/data/grid/grid-empty";
import { GridFooter } from "@/components/data/grid/grid-footer";
import { ariaSort, SortHeader } from "@/components/data/grid/sort-header";
import { SearchBox } from "@/components/data/search-box";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CONTACT_COLUMNS, CONTACT_GRID, LEAD_COLUMNS, LEAD_GRID, LEAD_STATUSES } from "@/lib/crm/grid/params";
import type { PageSize } from "@/lib/grid/params";
import { Link } from "@/lib/i18n/navigation";
import { cn, fullName } from "@/lib/utils";
import { saveCrmGridPreferenceAction } from "../_lib/actions";
import { useCrmGridUrl } from "./use-crm-grid-url";

export interface CrmGridRow {
  id: number;
  title: string;
  name: string | null;
  email: string;
  phone: string;
  company: string | null;
  status: (typeof LEAD_STATUSES)[number] | null;
  source: string | null;
  createdAt: string;
  responsible: { id: number; firstName: string; lastName: string } | null;
}

type LeadColumn = (typeof LEAD_COLUMNS)[number];
type ContactColumn = (typeof CONTACT_COLUMNS)[number];
type Column = LeadColumn | ContactColumn;

export const STATUS_VARIANT = {
  NEW: "default",
  IN_PROGRESS: "warning",
  CONVERTED: "success",
  LOST: "secondary",
} as const;

export function RecordGrid({
  kind,
  rows,
  total,
  columns: saved,
  page,
  perPage,
}: {
  kind: "leads" | "contacts";
  rows: CrmGridRow[];
  total: number;
  columns: Column[];
  page: number;
  perPage: PageSize;
}) {
  const t = useTranslations("CrmPages");
  const errors = useTranslations("ActionErrors");
  const format = useFormatter();
  const url = useCrmGridUrl();
  const spec = kind === "leads" ? LEAD_GRID : CONTACT_GRID;
  const [columns, setColumns] = useState<Column[]>(saved);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const savePreference = (next: { columns?: Column[]; pageSize?: PageSize }) => {
    const chosen = next.columns ?? columns;
    const pageSize = next.pageSize ?? perPage;
    // Each grid saves only its own columns (the server checks them against the grid's list again).
    const input =
      kind === "leads"
        ? {
            grid: kind,
            pageSize,
            columns: chosen.filter((c): c is LeadColumn => LEAD_COLUMNS.includes(c as LeadColumn)),
          }
        : {
            grid: kind,
            pageSize,
            columns: chosen.filter((c): c is ContactColumn => CONTACT_COLUMNS.includes(c as ContactColumn)),
          };
    void saveCrmGridPreferenceAction(input).then((result) => {
      if (!result.ok) toast.error(errors(result.error.code));
    });
  };
  const sort = { key: url.params.sort, dir: url.params.dir };
  const sortable = (column: Column, key: "name" | "createdAt") => () => (
    <SortHeader
      label={t(`columns.${column}`)}
      ariaLabel={t("sortBy", { column: t(`columns.${column}`) })}
      sortKey={key}
      sort={sort}
      onSort={url.toggleSort}
    />
  );
  const href = (id: number) => `/crm/${kind}/${id}`;
  const definitions: Record<
    Column,
    { id: Column; header: () => React.ReactNode; cell: (row: CrmGridRow) => React.ReactNode }
  > = {
    title: {
      id: "title",
      header: sortable("title", "name"),
      cell: (row) => (
        <Link href={href(row.id)} className="font-medium hover:underline" data-testid="record-link" dir="auto">
          {row.title}
        </Link>
      ),
    },
    name: {
      id: "name",
      header: kind === "contacts" ? sortable("name", "name") : () => t("columns.name"),
      cell: (row) =>
        kind === "contacts" ? (
          <Link href={href(row.id)} className="font-medium hover:underline" data-testid="record-link" dir="auto">
            {row.title}
          </Link>
        ) : (
          <span dir="auto">{row.name ?? ""}</span>
        ),
    },
    email: {
      id: "email",
      header: () => t("columns.email"),
      cell: (row) => (
        <span dir="ltr" className="truncate">
          {row.email}
        </span>
      ),
    },
    phone: {
      id: "phone",
      header: () => t("columns.phone"),
      cell: (row) => (
        <span dir="ltr" className="tabular-nums">
          {row.phone}
        </span>
      ),
    },
    company: {
      id: "company",
      header: () => t("columns.company"),
      cell: (row) => <span dir="auto">{row.company ?? ""}</span>,
    },
    status: {
      id: "status",
      header: () => t("columns.status"),
      cell: (row) => row.status && <Badge variant={STATUS_VARIANT[row.status]}>{t(`statuses.${row.status}`)}</Badge>,
    },
    responsible: {
      id: "responsible",
      header: () => t("columns.responsible"),
      cell: (row) =>
        row.responsible ? (
          <span data-testid="responsible">{fullName(row.responsible)}</span>
        ) : (
          <span className="text-muted-foreground">{t("unassigned")}</span>
        ),
    },
    source: { id: "source", header: () => t("columns.source"), cell: (row) => row.source ?? "" },
    createdAt: {
      id: "createdAt",
      header: sortable("createdAt", "createdAt"),
      cell: (row) => (
        <time dateTime={row.createdAt} className="whitespace-nowrap tabular-nums">
          {format.dateTime(new Date(row.createdAt), { dateStyle: "short", timeStyle: "short" })}
        </time>
      ),
    },
  };
  const table = useReactTable({
    data: rows,
    columns: columns.map((column) => ({
      id: column,
      header: definitions[column].header,
      cell: ({ row }: { row: { original: CrmGridRow } }) => definitions[column].cell(row.original),
    })),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
  });
  const sortKeyOf: Partial<Record<Column, string>> =
    kind === "leads" ? { title: "name", createdAt: "createdAt" } : { name: "name", createdAt: "createdAt" };
  return (
    <div className="flex flex-col gap-4" data-testid="grid-root" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox label={t(`${kind}.searchLabel`)} placeholder={t(`${kind}.searchPlaceholder`)} />
        {kind === "leads" && (
          <div className="flex flex-wrap gap-1" role="group" aria-label={t("columns.status")}>
            {LEAD_STATUSES.map((status) => (
              <Button
                key={status}
                variant={url.params.status.includes(status) ? "default" : "outline"}
                size="sm"
                aria-pressed={url.params.status.includes(status)}
                onClick={() => url.toggleStatus(status)}
              >
                {t(`statuses.${status}`)}
              </Button>
            ))}
          </div>
        )}
        <div className="flex items-center gap-2">
          <Checkbox
            id="crm-mine"
            checked={url.params.mine}
            onCheckedChange={(checked) => url.setMine(checked === true)}
          />
          <Label htmlFor="crm-mine">{t("mine")}</Label>
        </div>
        {url.active > 0 && (
          <Button variant="ghost" size="sm" onClick={url.clearFilters} data-testid="clear-filters">
            {t("clearFilters")}
          </Button>
        )}
        <div className="ms-auto">
          <ColumnChooser
            all={spec.columns as readonly Column[]}
            required={spec.required as readonly Column[]}
            label={(column) => t(`columns.${column}`)}
            columns={columns}
            onChange={(next) => {
              setColumns(next);
              savePreference({ columns: next });
            }}
          />
        </div>
      </div>
      <Card className={cn("overflow-hidden transition-opacity", url.pending && "opacity-60")} aria-busy={url.pending}>
        {rows.length === 0 ? (
          <GridEmpty
            filtered={url.active > 0}
            onClearFilters={url.clearFilters}
            icon={kind === "leads" ? <TargetIcon /> : <ContactIcon />}
            title={t(`${kind}.empty`)}
            hint={t(`${kind}.emptyHint`)}
          />
        ) : (
          <Table className="min-w-max" data-testid={`${kind}-grid`} aria-rowcount={total + 1}>
            <TableHeader className="bg-muted">
              {table.getHeaderGroups().map((group) => (
                <TableRow key={group.id} className="hover:bg-transparent">
                  {group.headers.map((header) => (
                    <TableHead key={header.id} aria-sort={ariaSort(sortKeyOf[header.column.id as Column], sort)}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </TableHead>
                  ))}
                </TableRow>
              ))}
            </TableHeader>
            <TableBody>
              {table.getRowModel().rows.map((row) => (
                <TableRow key={row.id} data-testid="grid-row" data-record-id={row.original.id}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id} className="max-w-72 truncate" data-column={cell.column.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
