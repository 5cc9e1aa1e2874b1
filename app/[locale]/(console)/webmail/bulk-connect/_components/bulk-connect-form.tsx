"use client";
import { HistoryIcon, PlusIcon, UsersIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { ActionError } from "@/lib/actions/result";
import { Link } from "@/lib/i18n/navigation";
import { bulkConnectInput, SYNC_PERIODS } from "@/lib/mailboxes/schemas";
import { MailErrorAlert } from "../../_components/mail-error-alert";
import { ProviderSelect, ServerFields } from "../../_components/server-fields";
import { bulkConnectAction, departmentCandidatesAction } from "../../_lib/mailbox-actions";
import { type BulkRow, BulkRows, type RowResult } from "./bulk-rows";

let rowCounter = 0;
const emptyRow = (patch: Partial<BulkRow> = {}): BulkRow => ({
  key: ++rowCounter,
  user: null,
  email: "",
  login: "",
  password: "",
  smtpLogin: "",
  smtpPassword: "",
  ...patch,
});

interface Progress {
  status: "RUNNING" | "DONE" | "INTERRUPTED";
  total: number;
  connected: number;
  failed: number;
  rows: RowResult[];
}

export function BulkConnectForm() {
  const t = useTranslations("BulkConnect");
  const connect = useTranslations("Connect");
  const form = useZodForm(bulkConnectInput, {
    imapPort: 993,
    imapSecurity: "SSL",
    smtpEnabled: true,
    smtpPort: 465,
    smtpSecurity: "SSL",
    syncPeriod: "7",
    domain: "",
  });
  const [rows, setRows] = useState<BulkRow[]>(() => [emptyRow()]);
  const [separateSmtp, setSeparateSmtp] = useState(false);
  const [runId, setRunId] = useState<number | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const { values, set, errorOf } = form;
  const domain = String(values.domain ?? "")
    .trim()
    .toLowerCase();

  // Follow the run until every row has its outcome.
  useEffect(() => {
    if (runId === null) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/bulk-connect/${runId}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const next = (await response.json()) as Progress;
      setProgress(next);
      if (next.status !== "RUNNING") clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [runId]);

  const update = (key: number, patch: Partial<BulkRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const start = () => {
    const candidate = {
      ...values,
      rows: rows.map((row) => ({
        userId: row.user?.refId ?? 0,
        email: row.email,
        login: row.login || undefined,
        password: row.password,
        smtpLogin: separateSmtp ? row.smtpLogin || undefined : undefined,
        smtpPassword: separateSmtp ? row.smtpPassword || undefined : undefined,
      })),
    };
    form.reset(candidate);
    const parsed = bulkConnectInput.safeParse(candidate);
    if (!parsed.success) {
      form.validate();
      return;
    }
    startTransition(async () => {
      setError(null);
      const result = await bulkConnectAction(parsed.data);
      if (!result.ok) {
        form.showServerErrors(result.error);
        setError(result.error);
        return;
      }
      setProgress({
        status: "RUNNING",
        total: rows.length,
        connected: 0,
        failed: 0,
        rows: rows.map(() => ({ outcome: "PENDING", reason: null })),
      });
      setRunId(result.data.runId);
    });
  };

  const addDepartment = (departmentId: number, withSubDepartments: boolean) =>
    startTransition(async () => {
      const result = await departmentCandidatesAction({ departmentId, withSubDepartments, domain });
      if (!result.ok) return setError(result.error);
      const present = new Set(rows.map((row) => row.user?.refId));
      const added = result.data.users
        .filter((user) => !present.has(user.id))
        .map((user) =>
          emptyRow({
            user: {
              key: `USER:${user.id}`,
              kind: "USER",
              refId: user.id,
              name: `${user.firstName} ${user.lastName}`,
              detail: null,
              user,
            },
            email: user.suggestedEmail,
          }),
        );
      setRows((current) => [...current.filter((row) => row.user || row.email || row.password), ...added]);
    });

  const done = progress !== null && progress.status !== "RUNNING";
  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-col gap-4 p-4 sm:p-5">
        <h2 className="font-semibold">{t("batchSettings")}</h2>
        <p className="text-sm text-muted-foreground">{t("batchHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="domain" label={t("domain")} error={errorOf("domain")}>
            <Input
              {...describedBy("domain", errorOf("domain"))}
              value={String(values.domain ?? "")}
              onChange={(event) => set({ domain: event.target.value })}
              placeholder="example.com"
              dir="ltr"
              disabled={runId !== null}
            />
          </Field>
          <ProviderSelect set={set} />
          <Field id="syncPeriod" label={connect("syncPeriod")}>
            <NativeSelect
              id="syncPeriod"
              value={String(values.syncPeriod)}
              onChange={(event) => set({ syncPeriod: event.target.value })}
              disabled={runId !== null}
            >
              {SYNC_PERIODS.map((period) => (
                <option key={period} value={period}>
                  {connect(`periods.${period}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <fieldset disabled={runId !== null}>
          <ServerFields values={values} set={set} errorOf={errorOf} credentials={false} />
        </fieldset>
      </Card>

      <Card className="flex flex-col gap-3 p-4 sm:p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t("employees", { count: rows.length })}</h2>
          {runId === null && (
            <div className="flex flex-wrap gap-2">
              <SubjectPicker
                kinds={["DEPARTMENT", "DEPARTMENT_TREE"]}
                triggerLabel={t("addDepartment")}
                onPick={(subject) => addDepartment(subject.refId, subject.kind === "DEPARTMENT_TREE")}
              />
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => setRows((current) => [...current, emptyRow()])}
              >
                <PlusIcon /> {t("addRow")}
              </Button>
            </div>
          )}
        </div>
        {Boolean(values.smtpEnabled) && runId === null && (
          <div className="flex items-center gap-2">
            <Checkbox
              id="separateSmtp"
              checked={separateSmtp}
              onCheckedChange={(checked) => setSeparateSmtp(checked === true)}
            />
            <Label htmlFor="separateSmtp">{t("separateSmtp")}</Label>
          </div>
        )}
        {errorOf("rows") && <p className="text-sm text-destructive">{errorOf("rows")}</p>}
        <BulkRows
          rows={rows}
          results={progress?.rows ?? null}
          separateSmtp={separateSmtp}
          errorOf={errorOf}
          update={update}
          remove={(key) => setRows((current) => current.filter((row) => row.key !== key))}
        />
      </Card>

      {error && error.code !== "VALIDATION" && <MailErrorAlert error={error} />}
      {progress && (
        <div className="flex flex-col gap-2" role="status" data-testid="bulk-progress">
          <div className="h-2 overflow-hidden rounded-full bg-muted">
            <div
              className="h-full bg-primary transition-all"
              style={{
                width: `${Math.round(((progress.connected + progress.failed) / Math.max(1, progress.total)) * 100)}%`,
              }}
            />
          </div>
          <p className="text-sm">
            {done
              ? t("finished", { connected: progress.connected, failed: progress.failed })
              : t("running", { done: progress.connected + progress.failed, total: progress.total })}
          </p>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button asChild variant="ghost">
          <Link href="/webmail/bulk-connect/history">
            <HistoryIcon /> {t("history")}
          </Link>
        </Button>
        {done ? (
          <Button asChild>
            <Link href="/webmail/my">{t("toMailboxes")}</Link>
          </Button>
        ) : (
          <Button onClick={start} disabled={pending || runId !== null} data-testid="start-bulk">
            <UsersIcon /> {t("start", { count: rows.length })}
          </Button>
        )}
      </div>
    </div>
  );
}
