"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/actions/result";
import { MailErrorAlert } from "../../../_components/mail-error-alert";

/** The bottom of every settings section: what went wrong, and the save button. */
export function SaveBar({ pending, error, testId }: { pending: boolean; error: ActionError | null; testId: string }) {
  const t = useTranslations("Common");
  return (
    <div className="flex flex-col gap-3">
      {error && error.code !== "VALIDATION" && <MailErrorAlert error={error} />}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending} data-testid={testId}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </div>
  );
}
