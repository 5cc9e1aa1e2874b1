"use client";
import { CheckCircle2Icon, Loader2Icon, Trash2Icon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { useMailErrorText } from "../../_components/sync-status";

export interface BulkRow {
  key: number;
  user: SubjectLabel | null;
  email: string;
  login: string;
  password: string;
  smtpLogin: string;
  smtpPassword: string;
}

export interface RowResult {
  outcome: "PENDING" | "CONNECTED" | "FAILED";
  reason: string | null;
}

/** Why a row was not connected, in words: a check of ours, or the mail server's answer. */
function useReasonText() {
  const t = useTranslations("BulkConnect.reasons");
  const mailError = useMailErrorText();
  return (reason: string | null) => (reason && t.has(reason) ? t(reason as "outOfScope") : mailError(reason));
}

export function BulkRows({
  rows,
  results,
  separateSmtp,
  errorOf,
  update,
  remove,
}: {
  rows: BulkRow[];
  results: RowResult[] | null;
  separateSmtp: boolean;
  errorOf: (field: string) => string | undefined;
  update: (key: number, patch: Partial<BulkRow>) => void;
  remove: (key: number) => void;
}) {
  const t = useTranslations("BulkConnect");
  const reasonText = useReasonText();
  return (
    <div className="flex flex-col divide-y">
      {rows.map((row, index) => {
        const result = results?.[index];
        const cell = (field: keyof BulkRow, label: string, type = "text") => {
          const error = errorOf(`rows.${index}.${field === "password" ? "password" : field}`);
          return (
            <div className="flex min-w-0 flex-col gap-1">
              <Input
                aria-label={`${label} (${index + 1})`}
                placeholder={label}
                type={type}
                value={String(row[field] ?? "")}
                onChange={(event) => update(row.key, { [field]: event.target.value })}
                aria-invalid={error ? true : undefined}
                dir="ltr"
                autoComplete={type === "password" ? "new-password" : "off"}
                disabled={results !== null}
              />
              {error && <span className="text-xs text-destructive">{error}</span>}
            </div>
          );
        };
        return (
          <div
            key={row.key}
            className="grid gap-2 py-3 md:grid-cols-[12rem_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start"
            data-testid="bulk-row"
          >
            <div className="flex min-w-0 flex-col gap-1">
              {row.user ? (
                <SubjectChip subject={{ kind: "USER", refId: row.user.refId }} label={row.user} />
              ) : (
                <SubjectPicker
                  kinds={["USER"]}
                  triggerLabel={t("chooseEmployee")}
                  onPick={(_, label) => update(row.key, { user: label })}
                />
              )}
              {errorOf(`rows.${index}.userId`) && (
                <span className="text-xs text-destructive">{errorOf(`rows.${index}.userId`)}</span>
              )}
            </div>
            {cell("email", t("email"))}
            {cell("login", t("loginOptional"))}
            {cell("password", t("password"), "password")}
            <div className="flex items-center justify-end gap-2 md:pt-1.5">
              {result ? (
                <span
                  className="flex items-center gap-1.5 text-sm"
                  data-testid="row-result"
                  data-outcome={result.outcome}
                >
                  {result.outcome === "PENDING" && (
                    <Loader2Icon className="size-4 animate-spin text-muted-foreground" />
                  )}
                  {result.outcome === "CONNECTED" && <CheckCircle2Icon className="size-4 text-success" />}
                  {result.outcome === "FAILED" && <XCircleIcon className="size-4 text-destructive" />}
                  {result.outcome === "CONNECTED"
                    ? t("connected")
                    : result.outcome === "FAILED"
                      ? reasonText(result.reason)
                      : t("working")}
                </span>
              ) : (
                <Button
                  type="button"
                  variant="ghost"
                  size="icon-sm"
                  aria-label={t("removeRow", { number: index + 1 })}
                  onClick={() => remove(row.key)}
                >
                  <Trash2Icon />
                </Button>
              )}
            </div>
            {separateSmtp && !result && (
              <div className="grid gap-2 md:col-span-5 md:grid-cols-2 md:ps-[12.5rem]">
                {cell("smtpLogin", t("smtpLogin"))}
                {cell("smtpPassword", t("smtpPassword"), "password")}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
