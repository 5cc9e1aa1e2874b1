"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { MenuIcon, PencilIcon, RefreshCwIcon, SettingsIcon } from "lucide-react";
import type { useFormatter, useTranslations } from "next-intl";
import { SortHeader as SharedSortHeader } from "@/components/data/grid/sort-header";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { Link } from "@/lib/i18n/navigation";
import type { GridRowView } from "@/lib/mailboxes/grid/page-data";
import type { GridColumn, SortKey } from "@/lib/mailboxes/grid/params";
import type { MailboxSyncStatus } from "@/lib/mailboxes/status";
import { fullName, megabytes } from "@/lib/utils";
import { SyncNowButton, SyncStatusText } from "../../_components/sync-status";
import { AvatarStack } from "./avatar-stack";

export interface ColumnContext {
  t: ReturnType<typeof useTranslations<"Grid">>;
  format: ReturnType<typeof useFormatter>;
  labels: Record<string, SubjectLabel>;
  statusOf: (row: GridRowView) => MailboxSyncStatus;
  markQueued: (ids: number[]) => void;
  sort: { key: SortKey; dir: "asc" | "desc" };
  onSort: (key: SortKey) => void;
  selectable: boolean;
  onSyncRow: (id: number) => void;
}

/** The unread counter as the reference product shows it: up to 999, then "999+". */
export const unreadText = (count: number) => (count > 999 ? "999+" : String(count));

function SortHeader({ label, sortKey, context }: { label: string; sortKey: SortKey; context: ColumnContext }) {
  return (
    <SharedSortHeader
      label={label}
      ariaLabel={context.t("sortBy", { column: label })}
      sortKey={sortKey}
      sort={context.sort}
      onSort={context.onSort}
    />
  );
}

export function buildColumns(
  context: ColumnContext,
): Record<GridColumn | "select" | "actions", ColumnDef<GridRowView>> {
  const { t, format } = context;
  return {
    select: {
      id: "select",
      header: ({ table }) => (
        <Checkbox
          checked={
            table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false
          }
          onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
          aria-label={t("selectAll")}
        />
      ),
      cell: ({ row }) =>
        row.original.canEdit ? (
          <Checkbox
            checked={row.getIsSelected()}
            onCheckedChange={(checked) => row.toggleSelected(checked === true)}
            aria-label={t("selectRow", { email: row.original.email })}
          />
        ) : null,
    },
    owner: {
      id: "owner",
      header: () => <SortHeader label={t("columns.owner")} sortKey="owner" context={context} />,
      cell: ({ row }) => (
        <span className="flex min-w-0 items-center gap-2">
          <UserAvatar user={row.original.owner} className="size-7 text-[10px]" />
          <span className="truncate">{fullName(row.original.owner)}</span>
        </span>
      ),
    },
    email: {
      id: "email",
      header: () => (
        <span className="flex items-center gap-3">
          <SortHeader label={t("columns.email")} sortKey="email" context={context} />
          <SortHeader label={t("columns.unread")} sortKey="unread" context={context} />
        </span>
      ),
      cell: ({ row }) => {
        const unread = context.statusOf(row.original).unreadCount;
        return (
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate" dir="ltr">
              {row.original.email}
            </span>
            {unread > 0 && (
              <Badge
                variant="default"
                className="tabular-nums"
                data-testid="unread"
                title={t("unreadCount", { count: unread })}
              >
                {unreadText(unread)}
              </Badge>
            )}
          </span>
        );
      },
    },
    lastSync: {
      id: "lastSync",
      header: () => <SortHeader label={t("columns.lastSync")} sortKey="lastSync" context={context} />,
      cell: ({ row }) => (
        <span className="flex min-w-0 items-center gap-1">
          <SyncStatusText status={context.statusOf(row.original)} />
          {row.original.canEdit && (
            <SyncNowButton mailboxIds={[row.original.id]} onQueued={context.markQueued} iconOnly variant="ghost" />
          )}
        </span>
      ),
    },
    crm: {
      id: "crm",
      header: () => t("columns.crm"),
      cell: ({ row }) => (
        <Badge variant={row.original.crmEnabled ? "success" : "secondary"} data-testid="crm">
          {row.original.crmEnabled ? t("on") : t("off")}
        </Badge>
      ),
    },
    disk: {
      id: "disk",
      header: () => (
        <span className="flex justify-end">
          <SortHeader label={t("columns.disk")} sortKey="disk" context={context} />
        </span>
      ),
      cell: ({ row }) => (
        <span className="block text-end tabular-nums" data-testid="disk">
          {format.number(megabytes(context.statusOf(row.original).diskBytes), {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          })}
        </span>
      ),
    },
    manage: {
      id: "manage",
      header: () => <span className="sr-only">{t("columns.manage")}</span>,
      cell: ({ row }) =>
        row.original.canEdit ? (
          <Button asChild variant="outline" size="sm">
            <Link href={`/webmail/mailboxes/${row.original.id}`}>{t("manage")}</Link>
          </Button>
        ) : null,
    },
    name: {
      id: "name",
      header: () => t("columns.name"),
      cell: ({ row }) => <span className="block max-w-56 truncate">{row.original.name}</span>,
    },
    access: {
      id: "access",
      header: () => t("columns.access"),
      cell: ({ row }) => <AvatarStack subjects={row.original.access} labels={context.labels} />,
    },
    queue: {
      id: "queue",
      header: () => t("columns.queue"),
      cell: ({ row }) => (
        <AvatarStack
          subjects={row.original.queue.map((refId) => ({ kind: "USER" as const, refId }))}
          labels={context.labels}
        />
      ),
    },
    sender: {
      id: "sender",
      header: () => t("columns.sender"),
      cell: ({ row }) => <span className="block max-w-48 truncate">{row.original.senderName ?? "—"}</span>,
    },
    actions: {
      id: "actions",
      header: () => <span className="sr-only">{t("actions")}</span>,
      cell: ({ row }) =>
        row.original.canEdit ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("rowMenu", { email: row.original.email })}
                data-testid="row-menu"
              >
                <MenuIcon />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild>
                <Link href={`/webmail/mailboxes/${row.original.id}?tab=connection`}>
                  <PencilIcon /> {t("edit")}
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => context.onSyncRow(row.original.id)}>
                <RefreshCwIcon /> {t("syncNow")}
              </DropdownMenuItem>
              <DropdownMenuItem asChild>
                <Link href={`/webmail/mailboxes/${row.original.id}`}>
                  <SettingsIcon /> {t("manage")}
                </Link>
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null,
    },
  };
}
