"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useZodForm } from "@/components/ui/use-zod-form";
import { SYNC_PERIODS, updateGeneralInput } from "@/lib/mailboxes/schemas";
import { updateGeneralAction } from "../../../_lib/mailbox-actions";
import { FolderRules } from "../../../connect/_components/folder-rules";
import { SaveBar } from "./save-bar";
import { SignatureEditor } from "./signature-editor";
import { useSectionSave } from "./use-section-save";

export function GeneralSection({ initial, folders }: { initial: Record<string, unknown>; folders: string[] }) {
  const t = useTranslations("Connect");
  const settings = useTranslations("MailboxSettings");
  const form = useZodForm(updateGeneralInput, initial);
  const { pending, error, save } = useSectionSave();
  const { values, set, errorOf } = form;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.validate();
        if (input) save(() => updateGeneralAction(input), form.showServerErrors);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="name" label={t("mailboxName")} error={errorOf("name")}>
          <Input
            {...describedBy("name", errorOf("name"))}
            value={String(values.name ?? "")}
            onChange={(event) => set({ name: event.target.value })}
          />
        </Field>
        <Field id="senderName" label={t("senderName")} error={errorOf("senderName")}>
          <Input
            {...describedBy("senderName", errorOf("senderName"))}
            value={String(values.senderName ?? "")}
            onChange={(event) => set({ senderName: event.target.value })}
          />
        </Field>
        <Field id="syncPeriod" label={t("syncPeriod")} hint={settings("syncPeriodHint")}>
          <NativeSelect
            id="syncPeriod"
            aria-describedby="syncPeriod-hint"
            value={String(values.syncPeriod)}
            onChange={(event) => set({ syncPeriod: event.target.value })}
          >
            {SYNC_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`periods.${period}`)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="flex items-center gap-2 sm:pt-7">
          <Checkbox
            id="saveSentCopy"
            checked={Boolean(values.saveSentCopy)}
            onCheckedChange={(checked) => set({ saveSentCopy: checked === true })}
          />
          <Label htmlFor="saveSentCopy">{t("saveSentCopy")}</Label>
        </div>
      </div>
      {folders.length > 0 ? (
        <FolderRules folders={folders} values={values} set={set} />
      ) : (
        <p className="text-sm text-muted-foreground">{settings("foldersAfterSync")}</p>
      )}
      <Field id="signature" label={settings("signature")} error={errorOf("signatureHtml")}>
        <SignatureEditor
          value={String(values.signatureHtml ?? "")}
          onChange={(signatureHtml) => set({ signatureHtml })}
        />
      </Field>
      <SaveBar pending={pending} error={error} testId="save-general" />
    </form>
  );
}
