"use client";
import { PencilIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/forms/action-error-alert";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { updatePhoneSettingsInput } from "@/lib/telephony/page-schemas";
import { updatePhoneSettingsAction } from "../_lib/actions";

export interface NumberChoice {
  id: number;
  number: string;
  label: string | null;
}

export interface PhoneSettingsRow {
  userId: number;
  name: string;
  device: string | null;
  extension: string | null;
  outgoingNumberId: number | null;
}

const DEFAULT = "default";

export function PhoneSettingsDialog({
  row,
  numbers,
  companyDefault,
}: {
  row: PhoneSettingsRow;
  numbers: NumberChoice[];
  companyDefault: NumberChoice | null;
}) {
  const t = useTranslations("TelephonyPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = {
    userId: row.userId,
    device: row.device ?? "",
    extension: row.extension ?? "",
    outgoingNumberId: row.outgoingNumberId,
  };
  const form = useZodForm(updatePhoneSettingsInput, initial);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const { values, set, errorOf } = form;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t("editSettingsOf", { name: row.name })}
          data-testid="edit-phone-settings"
        >
          <PencilIcon />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("editSettingsTitle")}</DialogTitle>
          <DialogDescription>{row.name}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // Checked here for quick feedback; the action parses the same fields again.
            if (!form.validate()) return;
            const input = {
              userId: row.userId,
              device: String(values.device ?? ""),
              extension: String(values.extension ?? ""),
              outgoingNumberId: values.outgoingNumberId === null ? null : Number(values.outgoingNumberId),
            };
            save(() => updatePhoneSettingsAction(input), form.showServerErrors);
          }}
        >
          <Field id="device" label={t("device")} error={errorOf("device")} hint={t("deviceHint")}>
            <Input
              {...describedBy("device", errorOf("device"), true)}
              value={String(values.device ?? "")}
              onChange={(event) => set({ device: event.target.value })}
            />
          </Field>
          <Field id="extension" label={t("extension")} error={errorOf("extension")} hint={t("extensionHint")}>
            <Input
              {...describedBy("extension", errorOf("extension"), true)}
              inputMode="numeric"
              dir="ltr"
              value={String(values.extension ?? "")}
              onChange={(event) => set({ extension: event.target.value })}
            />
          </Field>
          <Field id="outgoingNumberId" label={t("outgoingNumber")} error={errorOf("outgoingNumberId")}>
            <NativeSelect
              {...describedBy("outgoingNumberId", errorOf("outgoingNumberId"))}
              value={values.outgoingNumberId === null ? DEFAULT : String(values.outgoingNumberId)}
              onChange={(event) =>
                set({ outgoingNumberId: event.target.value === DEFAULT ? null : Number(event.target.value) })
              }
            >
              <option value={DEFAULT}>
                {companyDefault ? t("companyDefaultIs", { number: companyDefault.number }) : t("companyDefaultUnset")}
              </option>
              {numbers.map((number) => (
                <option key={number.id} value={number.id}>
                  {number.label ? `${number.number} · ${number.label}` : number.number}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <ActionErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-phone-settings" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
