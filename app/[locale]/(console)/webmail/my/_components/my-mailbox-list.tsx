"use client";
import { SettingsIcon, UsersIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Link } from "@/lib/i18n/navigation";
import type { MailboxSyncStatus } from "@/lib/mailboxes/status";
import { megabytes } from "@/lib/utils";
import { SyncNowButton, SyncStatusText } from "../../_components/sync-status";
import { useSyncStatuses } from "../../_components/use-sync-statuses";

export interface MyMailboxItem {
  id: number;
  email: string;
  name: string;
  own: boolean;
  canEdit: boolean;
  ownerName: string;
  sync: MailboxSyncStatus;
}

export function MyMailboxList({ items }: { items: MyMailboxItem[] }) {
  const t = useTranslations("MyMailboxes");
  const format = useFormatter();
  const { statuses, markQueued } = useSyncStatuses(items.map((item) => item.sync));
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("mailbox")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead className="text-end">{t("unread")}</TableHead>
          <TableHead className="hidden text-end sm:table-cell">{t("size")}</TableHead>
          <TableHead className="w-0">
            <span className="sr-only">{t("actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const status = statuses.get(item.id) ?? item.sync;
          return (
            <TableRow key={item.id} data-testid="my-mailbox" data-mailbox-id={item.id}>
              <TableCell className="max-w-64">
                <div className="truncate font-medium" dir="ltr">
                  {item.email}
                </div>
                <div className="flex items-center gap-1.5 truncate text-xs text-muted-foreground">
                  {item.name !== item.email && <span className="truncate">{item.name}</span>}
                  {!item.own && (
                    <Badge variant="secondary">
                      <UsersIcon className="size-3" />
                      {t("sharedBy", { name: item.ownerName })}
                    </Badge>
                  )}
                </div>
              </TableCell>
              <TableCell className="max-w-52">
                <SyncStatusText status={status} />
              </TableCell>
              <TableCell className="text-end tabular-nums">
                {status.unreadCount > 999 ? "999+" : format.number(status.unreadCount)}
              </TableCell>
              <TableCell className="hidden text-end tabular-nums sm:table-cell">
                {format.number(megabytes(status.diskBytes), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MB
              </TableCell>
              <TableCell>
                <div className="flex justify-end gap-1">
                  {item.canEdit && (
                    <SyncNowButton mailboxIds={[item.id]} onQueued={markQueued} iconOnly variant="ghost" />
                  )}
                  {item.canEdit && (
                    <Button asChild variant="ghost" size="icon-sm" aria-label={t("settingsOf", { email: item.email })}>
                      <Link href={`/webmail/mailboxes/${item.id}`}>
                        <SettingsIcon />
                      </Link>
                    </Button>
                  )}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
