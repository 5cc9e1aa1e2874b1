"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { PhoneIncomingIcon, PhoneOutgoingIcon } from "lucide-react";
import type { useFormatter, useTranslations } from "next-intl";
import { SortHeader, type SortState } from "@/components/data/grid/sort-header";
import { Badge } from "@/components/ui/badge";
import type { CallRowView } from "@/lib/telephony/calls/page-data";
import type { CallColumn, CallSortKey } from "@/lib/telephony/calls/params";
import { fullName } from "@/lib/utils";
import { RecordingCell } from "./recording-cell";

export interface CallColumnContext {
  t: ReturnType<typeof useTranslations<"Calls">>;
  format: ReturnType<typeof useFormatter>;
  sort: SortState<CallSortKey>;
  onSort: (key: CallSortKey) => void;
  onEmployee: (id: number) => void;
  canDownload: boolean;
}

/** "1:05:03" or "4:07": compact, and numerals read the same in every locale's table. */
export function durationText(seconds: number) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const STATUS_VARIANT = { ANSWERED: "success", MISSED: "destructive", BUSY: "secondary", FAILED: "outline" } as const;

export function buildCallColumns(context: CallColumnContext): Record<CallColumn, ColumnDef<CallRowView>> {
  const { t, format } = context;
  const sortable = (key: CallSortKey, column: CallColumn) => () => (
    <SortHeader
      label={t(`columns.${column}`)}
      ariaLabel={t("sortBy", { column: t(`columns.${column}`) })}
      sortKey={key}
      sort={context.sort}
      onSort={context.onSort}
    />
  );
  return {
    startedAt: {
      id: "startedAt",
      header: sortable("startedAt", "startedAt"),
      cell: ({ row }) => (
        <time dateTime={new Date(row.original.startedAt).toISOString()} className="tabular-nums">
          {format.dateTime(new Date(row.original.startedAt), { dateStyle: "short", timeStyle: "short" })}
        </time>
      ),
    },
    employee: {
      id: "employee",
      header: sortable("employee", "employee"),
      cell: ({ row }) => {
        const { employeeId, employeeFirstName, employeeLastName } = row.original;
        if (employeeId === null) return <span className="text-muted-foreground">{t("noEmployee")}</span>;
        const name = fullName({ firstName: employeeFirstName ?? "", lastName: employeeLastName ?? "" });
        return (
          <button
            type="button"
            className="truncate text-start hover:underline"
            onClick={() => context.onEmployee(employeeId)}
            title={t("stats.filterBy", { name })}
          >
            {name}
          </button>
        );
      },
    },
    direction: {
      id: "direction",
      header: () => t("columns.direction"),
      cell: ({ row }) => {
        const Icon = row.original.direction === "INCOMING" ? PhoneIncomingIcon : PhoneOutgoingIcon;
        return (
          <span className="inline-flex items-center gap-1.5">
            <Icon className="size-4 text-muted-foreground rtl:-scale-x-100" aria-hidden />
            {t(`direction.${row.original.direction}`)}
          </span>
        );
      },
    },
    status: {
      id: "status",
      header: () => t("columns.status"),
      cell: ({ row }) => (
        <Badge
          variant={STATUS_VARIANT[row.original.status]}
          // The theme's destructive red on its own 10 % tint is below 4.5:1; a darker text keeps the hue.
          className={row.original.status === "MISSED" ? "text-[oklch(0.48_0.2_27)]" : undefined}
        >
          {t(`status.${row.original.status}`)}
        </Badge>
      ),
    },
    number: {
      id: "number",
      header: sortable("number", "number"),
      cell: ({ row }) => (
        <span dir="ltr" className="tabular-nums">
          {row.original.phoneNumber}
        </span>
      ),
    },
    duration: {
      id: "duration",
      header: sortable("duration", "duration"),
      cell: ({ row }) => <span className="tabular-nums">{durationText(row.original.durationSeconds)}</span>,
    },
    recording: {
      id: "recording",
      header: () => t("columns.recording"),
      cell: ({ row }) => <RecordingCell call={row.original} canDownload={context.canDownload} />,
    },
    line: {
      id: "line",
      header: () => t("columns.line"),
      cell: ({ row }) => (
        <span dir="ltr" className="tabular-nums">
          {row.original.lineNumber ?? ""}
        </span>
      ),
    },
    crm: {
      id: "crm",
      header: () => t("columns.crm"),
      cell: ({ row }) =>
        row.original.crmEntityType ? `${row.original.crmEntityType} #${row.original.crmEntityId ?? "?"}` : "",
    },
  };
}
