"use client";
import { AlertCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";
import { useMailErrorText } from "./sync-status";

/** Why a connection test or save failed: which server, the reason in words, the server's own text. */
export function MailErrorAlert({ error }: { error: ActionError }) {
  const t = useTranslations("Connect");
  const errors = useTranslations("ActionErrors");
  const mailError = useMailErrorText();
  if (error.code !== "CONNECTION_FAILED") {
    return (
      <div
        role="alert"
        className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive"
        data-testid="form-error"
      >
        <AlertCircleIcon className="mt-0.5 size-4 shrink-0" />
        {errors(error.code)}
      </div>
    );
  }
  const server = error.details?.server === "smtp" ? "SMTP" : "IMAP";
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm"
      data-testid="connection-error"
    >
      <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" />
      <div className="min-w-0">
        <p className="font-medium text-destructive">{t("failedAt", { server })}</p>
        <p>{mailError(error.details?.mailCode ?? null)}</p>
        {error.details?.serverText && (
          <p className="mt-1 break-words font-mono text-xs text-muted-foreground" dir="ltr">
            {error.details.serverText}
          </p>
        )}
      </div>
    </div>
  );
}
