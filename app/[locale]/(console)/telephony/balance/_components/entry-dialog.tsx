"use client";
import { PlusIcon } from "lucide-react";
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
import { addBalanceEntryInput } from "@/lib/telephony/page-schemas";
import { addBalanceEntryAction } from "../_lib/actions";

const KINDS = ["TOP_UP", "ADJUSTMENT"] as const;

export function EntryDialog({ currency }: { currency: string }) {
  const t = useTranslations("TelephonyPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = { kind: "TOP_UP", amount: "", currency, description: "" };
  const form = useZodForm(addBalanceEntryInput, initial);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const { values, set, errorOf } = form;
  const text = (field: "amount" | "currency" | "description") => String(values[field] ?? "");
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
        <Button size="sm" data-testid="add-balance-entry">
          <PlusIcon />
          {t("addEntry")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{t("addEntry")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!form.validate()) return;
            const input = {
              kind: values.kind === "ADJUSTMENT" ? ("ADJUSTMENT" as const) : ("TOP_UP" as const),
              amount: text("amount"),
              currency: text("currency"),
              description: text("description"),
            };
            save(() => addBalanceEntryAction(input), form.showServerErrors);
          }}
        >
          <Field id="entry-kind" label={t("kind")}>
            <NativeSelect
              id="entry-kind"
              value={String(values.kind)}
              onChange={(event) => set({ kind: event.target.value })}
            >
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="grid gap-3 sm:grid-cols-[1fr_7rem]">
            <Field id="entry-amount" label={t("amount")} error={errorOf("amount")} hint={t("amountHint")}>
              <Input
                {...describedBy("entry-amount", errorOf("amount"), true)}
                inputMode="decimal"
                dir="ltr"
                value={text("amount")}
                onChange={(event) => set({ amount: event.target.value })}
              />
            </Field>
            <Field id="entry-currency" label={t("currency")} error={errorOf("currency")}>
              <Input
                {...describedBy("entry-currency", errorOf("currency"))}
                dir="ltr"
                maxLength={3}
                value={text("currency")}
                onChange={(event) => set({ currency: event.target.value })}
              />
            </Field>
          </div>
          <Field id="entry-description" label={t("description")} error={errorOf("description")}>
            <Input
              {...describedBy("entry-description", errorOf("description"))}
              value={text("description")}
              onChange={(event) => set({ description: event.target.value })}
            />
          </Field>
          <ActionErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-balance-entry" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
