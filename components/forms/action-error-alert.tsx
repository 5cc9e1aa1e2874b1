"use client";
import { AlertCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";

/** Why an action failed, in the reader's language; field errors are shown at their fields instead. */
export function ActionErrorAlert({ error, message }: { error: ActionError | null; message?: string }) {
  const errors = useTranslations("ActionErrors");
  if (!error || (error.code === "VALIDATION" && !message)) return null;
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive"
      data-testid="form-error"
      data-error-code={error.code}
    >
      <AlertCircleIcon className="mt-0.5 size-4 shrink-0" />
      <span>{message ?? errors(error.code)}</span>
    </div>
  );
}
