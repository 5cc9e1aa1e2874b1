"use client";
import { AlertTriangleIcon, CheckCircle2Icon, ClockIcon, KeyRoundIcon, Loader2Icon, RefreshCwIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import type { MailboxSyncStatus } from "@/lib/mailboxes/status";
import { cn } from "@/lib/utils";
import { syncNowAction } from "../_lib/mailbox-actions";

/** The error a mailbox shows: the translated reason for its code (the server's own words stay on the server). */
export function useMailErrorText() {
  const t = useTranslations("MailErrors");
  return (code: string | null) => (code && t.has(code) ? t(code as "TIMEOUT") : t("SERVER_ERROR"));
}

/** "Synced 5 minutes ago", "Syncing 40 %", "Queued", or the error — one cell, one line. */
export function SyncStatusText({ status, className }: { status: MailboxSyncStatus; className?: string }) {
  const t = useTranslations("Sync");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const errorText = useMailErrorText();
  const when = status.lastSyncAt ? format.relativeTime(new Date(status.lastSyncAt), now) : null;
  let content: React.ReactNode;
  if (status.syncState === "RUNNING") {
    content = (
      <span className="flex items-center gap-1.5 text-primary">
        <Loader2Icon className="size-3.5 animate-spin" />
        {status.syncProgress !== null ? t("syncingPercent", { percent: status.syncProgress }) : t("syncing")}
      </span>
    );
  } else if (status.syncState === "QUEUED") {
    content = (
      <span className="flex items-center gap-1.5 text-muted-foreground">
        <ClockIcon className="size-3.5" />
        {t("queued")}
      </span>
    );
  } else if (status.status === "ERROR" || status.status === "NEEDS_PASSWORD") {
    const Icon = status.status === "NEEDS_PASSWORD" ? KeyRoundIcon : AlertTriangleIcon;
    content = (
      <Tooltip content={<span className="block max-w-xs">{errorText(status.lastErrorCode)}</span>}>
        <button
          type="button"
          className={cn(
            "flex min-w-0 items-center gap-1.5 rounded-sm text-start outline-none focus-visible:ring-2 focus-visible:ring-ring",
            status.status === "ERROR" ? "text-destructive" : "text-[oklch(0.5_0.12_70)]",
          )}
          data-testid="sync-error"
        >
          <Icon className="size-3.5 shrink-0" />
          <span className="truncate">{status.status === "NEEDS_PASSWORD" ? t("needsPassword") : t("failed")}</span>
          {when && <span className="hidden text-muted-foreground xl:inline">· {when}</span>}
        </button>
      </Tooltip>
    );
  } else if (when) {
    content = (
      <span className="flex items-center gap-1.5">
        <CheckCircle2Icon className="size-3.5 text-success" />
        {when}
      </span>
    );
  } else {
    content = <span className="text-muted-foreground">{t("never")}</span>;
  }
  return (
    <span
      className={cn("inline-flex min-w-0 text-sm", className)}
      data-testid="sync-status"
      data-sync-state={status.syncState}
      data-status={status.status}
    >
      {content}
    </span>
  );
}

export function SyncNowButton({
  mailboxIds,
  onQueued,
  variant = "outline",
  iconOnly = false,
}: {
  mailboxIds: number[];
  onQueued: (ids: number[]) => void;
  variant?: "outline" | "ghost";
  iconOnly?: boolean;
}) {
  const t = useTranslations("Sync");
  const errors = useTranslations("ActionErrors");
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await syncNowAction({ mailboxIds });
      if (!result.ok) return void toast.error(errors(result.error.code));
      onQueued(result.data.queued);
      if (result.data.needPassword.length > 0) toast.warning(t("needsPasswordFirst"));
    });
  return (
    <Button
      variant={variant}
      size={iconOnly ? "icon-sm" : "sm"}
      onClick={run}
      disabled={pending}
      aria-label={t("syncNow")}
      data-testid="sync-now"
    >
      <RefreshCwIcon className={cn(pending && "animate-spin")} />
      {!iconOnly && t("syncNow")}
    </Button>
  );
}
