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
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { saveConnectionInput } from "@/lib/telephony/page-schemas";
import { saveConnectionAction } from "../_lib/actions";

/** What the page knows of a connection: never its password, only that one is stored. */
export interface ConnectionView {
  id: number;
  name: string;
  host: string;
  port: number;
  login: string;
}

export function ConnectionDialog({ existing }: { existing?: ConnectionView }) {
  const t = useTranslations("TelephonyPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = {
    id: existing?.id,
    name: existing?.name ?? "",
    host: existing?.host ?? "",
    port: String(existing?.port ?? 5060),
    login: existing?.login ?? "",
    password: "",
  };
  const form = useZodForm(saveConnectionInput, initial);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const { values, set, errorOf } = form;
  const textField = (field: "name" | "host" | "port" | "login", label: string, inputMode?: "numeric") => (
    <Field id={`sip-${field}`} label={label} error={errorOf(field)}>
      <Input
        {...describedBy(`sip-${field}`, errorOf(field))}
        dir={field === "name" ? undefined : "ltr"}
        inputMode={inputMode}
        value={String(values[field] ?? "")}
        onChange={(event) => set({ [field]: event.target.value })}
      />
    </Field>
  );
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
            aria-label={t("editConnectionOf", { name: existing.name })}
            data-testid="edit-connection"
          >
            <PencilIcon />
          </Button>
        ) : (
          <Button size="sm" variant="outline" data-testid="add-connection">
            <PlusIcon />
            {t("addConnection")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{existing ? t("editConnection") : t("addConnection")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            if (!form.validate()) return;
            const input = {
              id: existing?.id,
              name: String(values.name ?? ""),
              host: String(values.host ?? ""),
              port: String(values.port ?? ""),
              login: String(values.login ?? ""),
              password: String(values.password ?? ""),
            };
            save(() => saveConnectionAction(input), form.showServerErrors);
          }}
        >
          {textField("name", t("connectionName"))}
          <div className="grid gap-3 sm:grid-cols-[1fr_7rem]">
            {textField("host", t("host"))}
            {textField("port", t("port"), "numeric")}
          </div>
          {textField("login", t("login"))}
          <Field
            id="sip-password"
            label={t("password")}
            error={errorOf("password")}
            hint={existing ? t("passwordKeepHint") : undefined}
          >
            <Input
              {...describedBy("sip-password", errorOf("password"), existing)}
              type="password"
              autoComplete="new-password"
              dir="ltr"
              value={String(values.password ?? "")}
              onChange={(event) => set({ password: event.target.value })}
            />
          </Field>
          <ActionErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-connection" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
