"use client";
import { MailPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { inviteInput } from "@/lib/people/schemas";
import { inviteUserAction } from "../employees/_lib/actions";
import { PeopleErrorAlert } from "./people-error";

const FIELDS = ["email", "firstName", "lastName"] as const;

/** Invites an employee (admins) or an external partner into one external workgroup. */
export function InviteDialog({
  kind,
  workGroupId = null,
}: {
  kind: "EMPLOYEE" | "EXTERNAL";
  workGroupId?: number | null;
}) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = { email: "", firstName: "", lastName: "", kind, workGroupId };
  const form = useZodForm(inviteInput, initial);
  const { values, set, errorOf } = form;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
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
          size="sm"
          variant={kind === "EXTERNAL" ? "default" : "outline"}
          data-testid={`invite-${kind.toLowerCase()}`}
        >
          <MailPlusIcon />
          {kind === "EXTERNAL" ? t("invitePartner") : t("inviteEmployee")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{kind === "EXTERNAL" ? t("invitePartner") : t("inviteEmployee")}</DialogTitle>
          <DialogDescription>{t("inviteHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = form.validate();
            if (parsed) save(() => inviteUserAction(parsed), form.showServerErrors);
          }}
        >
          {FIELDS.map((field) => (
            <Field key={field} id={`invite-${field}`} label={t(`fields.${field}`)} error={errorOf(field)}>
              <Input
                {...describedBy(`invite-${field}`, errorOf(field))}
                type={field === "email" ? "email" : "text"}
                dir={field === "email" ? "ltr" : undefined}
                value={String(values[field] ?? "")}
                onChange={(event) => set({ [field]: event.target.value })}
              />
            </Field>
          ))}
          <PeopleErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="send-invitation" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
