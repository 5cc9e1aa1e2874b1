"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Card } from "@/components/ui/card";
import { useRouter } from "@/lib/i18n/navigation";
import type { MailboxSyncStatus } from "@/lib/mailboxes/status";
import { megabytes } from "@/lib/utils";
import { SyncNowButton, SyncStatusText, useMailErrorText } from "../../../_components/sync-status";
import { useSyncStatuses } from "../../../_components/use-sync-statuses";

export interface FolderRow {
  path: string;
  specialUse: string | null;
  messages: number;
  unseen: number;
  sizeBytes: string;
  mode: string | null;
}

/** Sync status, last error, counters and the folder list of a mailbox (SPEC §3.3), kept live. */
export function StatusPanel({ initial, folders }: { initial: MailboxSyncStatus; folders: FolderRow[] }) {
  const t = useTranslations("MailboxSettings");
  const format = useFormatter();
  const errorText = useMailErrorText();
  const { statuses, markQueued } = useSyncStatuses([initial]);
  const status = statuses.get(initial.id) ?? initial;
  const router = useRouter();
  const previousState = useRef(status.syncState);
  // A finished sync brings new folders and counts: reload the page's server data once.
  useEffect(() => {
    if (previousState.current !== "IDLE" && status.syncState === "IDLE") router.refresh();
    previousState.current = status.syncState;
  }, [status.syncState, router]);
  const mb = (bytes: string | bigint) =>
    `${format.number(megabytes(bytes), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MB`;
  return (
    <Card className="flex flex-col gap-4 p-4" data-testid="status-panel">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <span className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{t("syncStatus")}</span>
          <SyncStatusText status={status} />
        </div>
        <SyncNowButton mailboxIds={[initial.id]} onQueued={markQueued} />
      </div>
      {(status.status === "ERROR" || status.status === "NEEDS_PASSWORD") && (
        <div className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm" data-testid="last-error">
          <p className="font-medium">{errorText(status.lastErrorCode)}</p>
          {status.status === "NEEDS_PASSWORD" && <p className="mt-1">{t("enterNewPassword")}</p>}
        </div>
      )}
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-muted-foreground">{t("messages")}</dt>
          <dd className="font-semibold tabular-nums">{format.number(status.messageCount)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("unread")}</dt>
          <dd className="font-semibold tabular-nums">{format.number(status.unreadCount)}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("diskSpace")}</dt>
          <dd className="font-semibold tabular-nums">{mb(status.diskBytes)}</dd>
        </div>
      </dl>
      {folders.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="folder-list">
            <thead className="text-xs text-muted-foreground">
              <tr className="border-b">
                <th className="py-1.5 text-start font-medium">{t("folder")}</th>
                <th className="py-1.5 text-end font-medium">{t("messages")}</th>
                <th className="py-1.5 text-end font-medium">{t("unread")}</th>
                <th className="py-1.5 text-end font-medium">{t("diskSpace")}</th>
              </tr>
            </thead>
            <tbody>
              {folders.map((folder) => (
                <tr key={folder.path} className="border-b last:border-0">
                  <td className="max-w-48 truncate py-1.5" dir="ltr">
                    {folder.path}
                  </td>
                  <td className="py-1.5 text-end tabular-nums">{format.number(folder.messages)}</td>
                  <td className="py-1.5 text-end tabular-nums">{format.number(folder.unseen)}</td>
                  <td className="py-1.5 text-end tabular-nums">{mb(folder.sizeBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
