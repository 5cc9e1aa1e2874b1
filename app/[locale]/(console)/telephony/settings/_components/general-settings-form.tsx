"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";
import { useRouter } from "@/lib/i18n/navigation";
import { saveGeneralSettingsAction } from "../_lib/actions";
import { generalSettingsInput } from "../_lib/schemas";

export function GeneralSettingsForm({
  numbers,
  defaultOutgoingNumberId,
  recordingRetentionDays,
}: {
  numbers: { id: number; number: string; label: string | null }[];
  defaultOutgoingNumberId: number | null;
  recordingRetentionDays: number | null;
}) {
  const t = useTranslations("TelephonySettings");
  const common = useTranslations("Common");
  const validation = useTranslations("Validation");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [numberId, setNumberId] = useState(defaultOutgoingNumberId ? String(defaultOutgoingNumberId) : "");
  const [keepForever, setKeepForever] = useState(recordingRetentionDays === null);
  const [days, setDays] = useState(String(recordingRetentionDays ?? 365));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();
  const fieldError = (key: string) => (fieldErrors[key] ? validation(fieldErrors[key] as "invalid") : undefined);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = {
      defaultOutgoingNumberId: numberId ? Number(numberId) : null,
      recordingRetentionDays: keepForever ? null : /^\d{1,6}$/.test(days.trim()) ? Number(days) : Number.NaN,
    };
    const parsed = generalSettingsInput.safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      return setFieldErrors(next);
    }
    setFieldErrors({});
    startTransition(async () => {
      const result = await saveGeneralSettingsAction(parsed.data);
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        return void toast.error(errors(result.error.code));
      }
      toast.success(t("saved"));
      router.refresh();
    });
  };

  const retentionError = fieldError("recordingRetentionDays");
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("general.title")}</CardTitle>
        <CardDescription>{t("general.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field
            id="default-outgoing-number"
            label={t("general.defaultNumber")}
            error={fieldError("defaultOutgoingNumberId")}
            hint={numbers.length === 0 ? t("general.noNumbers") : undefined}
          >
            <NativeSelect
              {...describedBy(
                "default-outgoing-number",
                fieldError("defaultOutgoingNumberId"),
                numbers.length === 0 || undefined,
              )}
              value={numberId}
              onChange={(event) => setNumberId(event.target.value)}
            >
              <option value="">{t("general.noDefault")}</option>
              {numbers.map((number) => (
                <option key={number.id} value={number.id}>
                  {number.label ? `${number.number} · ${number.label}` : number.number}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("general.retention")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="retention"
                checked={keepForever}
                onChange={() => setKeepForever(true)}
                className="size-4 accent-primary"
              />
              {t("general.keepForever")}
            </label>
            <label className="flex flex-wrap items-center gap-2 text-sm">
              <input
                type="radio"
                name="retention"
                checked={!keepForever}
                onChange={() => setKeepForever(false)}
                className="size-4 accent-primary"
              />
              {t("general.deleteAfter")}
              <Input
                {...describedBy("retention-days", retentionError)}
                aria-label={t("general.days")}
                inputMode="numeric"
                className="w-24"
                value={days}
                disabled={keepForever}
                onChange={(event) => setDays(event.target.value)}
              />
              {t("general.days")}
            </label>
            {retentionError && (
              <p id="retention-days-error" role="alert" className="text-sm text-destructive">
                {retentionError}
              </p>
            )}
          </fieldset>
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? common("saving") : common("save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
