"use client";
import { PencilIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/forms/action-error-alert";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { addNumberInput, updateNumberInput } from "@/lib/telephony/page-schemas";
import { addNumberAction, updateNumberAction } from "../_lib/actions";

export interface ConnectionChoice {
  id: number;
  name: string;
}

interface ExistingNumber {
  id: number;
  number: string;
  label: string | null;
  connectionId: number | null;
}

const NONE = "none";

/** Adds a number (without `existing`) or edits one's label and connection; the number itself stays. */
export function NumberDialog({
  existing,
  connections,
}: {
  existing?: ExistingNumber;
  connections: ConnectionChoice[];
}) {
  const t = useTranslations("TelephonyPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = {
    id: existing?.id,
    number: existing?.number ?? "",
    label: existing?.label ?? "",
    connectionId: existing?.connectionId ?? null,
  };
  const form = useZodForm(existing ? updateNumberInput : addNumberInput, initial);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const { values, set, errorOf } = form;
  const submit = () => {
    if (!form.validate()) return;
    const fields = {
      label: String(values.label ?? ""),
      connectionId: values.connectionId === null ? null : Number(values.connectionId),
    };
    save(
      () =>
        existing
          ? updateNumberAction({ id: existing.id, ...fields })
          : addNumberAction({ number: String(values.number ?? ""), ...fields }),
      form.showServerErrors,
    );
  };
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
        {existing ? (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("editNumberOf", { number: existing.number })}
            data-testid="edit-number"
          >
            <PencilIcon />
          </Button>
        ) : (
          <Button size="sm" data-testid="add-number">
            <PlusIcon />
            {t("addNumber")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{existing ? t("editNumber") : t("addNumber")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field id="number" label={t("number")} error={errorOf("number")}>
            <Input
              {...describedBy("number", errorOf("number"))}
              dir="ltr"
              type="tel"
              readOnly={Boolean(existing)}
              value={String(values.number ?? "")}
              onChange={(event) => set({ number: event.target.value })}
            />
          </Field>
          <Field id="label" label={t("label")} error={errorOf("label")}>
            <Input
              {...describedBy("label", errorOf("label"))}
              value={String(values.label ?? "")}
              onChange={(event) => set({ label: event.target.value })}
            />
          </Field>
          <Field id="connectionId" label={t("connection")} error={errorOf("connectionId")}>
            <NativeSelect
              {...describedBy("connectionId", errorOf("connectionId"))}
              value={values.connectionId === null ? NONE : String(values.connectionId)}
              onChange={(event) =>
                set({ connectionId: event.target.value === NONE ? null : Number(event.target.value) })
              }
            >
              <option value={NONE}>{t("noConnection")}</option>
              {connections.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <ActionErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-number" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
