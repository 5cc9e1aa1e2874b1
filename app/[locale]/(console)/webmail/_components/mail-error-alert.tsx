"use client";
import { AlertCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";
import { useMailErrorText } from "./sync-status";

/**
 * Why a connection test or save failed: which server and the reason in words. Never the server's
 * own text — the action does not send it (security #10, finding 6).
 */
export function MailErrorAlert({ error }: { error: ActionError }) {
  const t = useTranslations("Connect");
  const errors = useTranslations("ActionErrors");
  const mailError = useMailErrorText();
  if (error.code !== "CONNECTION_FAILED") {
    const retryAfterSeconds = Number(error.details?.retryAfterSeconds);
    return (
      <div
        role="alert"
        className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive"
        data-testid="form-error"
      >
        <AlertCircleIcon className="mt-0.5 size-4 shrink-0" />
        {error.code === "RATE_LIMITED" && retryAfterSeconds > 0
          ? t("tooManyTests", { minutes: Math.ceil(retryAfterSeconds / 60) })
          : errors(error.code)}
      </div>
    );
  }
  const server = error.details?.server === "smtp" ? "SMTP" : "IMAP";
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm"
      data-testid="connection-error"
      data-mail-code={error.details?.mailCode}
    >
      <AlertCircleIcon className="mt-0.5 size-4 shrink-0 text-destructive" />
      <div className="min-w-0">
        <p className="font-medium text-destructive">{t("failedAt", { server })}</p>
        <p>{mailError(error.details?.mailCode ?? null)}</p>
      </div>
    </div>
  );
}
