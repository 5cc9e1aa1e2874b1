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
import { Input, Textarea } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { type CrmRecordRef, createTaskInput, type MessageRef } from "@/lib/crm/schemas";
import { createTaskAction } from "../_lib/actions";
import { type Person, ResponsibleField } from "./responsible-field";

/** "New task" about a lead or contact, or about a message (webmail), for oneself or a colleague. */
export function TaskDialog({
  about,
  me,
  initialTitle = "",
}: {
  about: { record: CrmRecordRef } | { message: MessageRef };
  me: Person;
  initialTitle?: string;
}) {
  const t = useTranslations("CrmPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = { title: initialTitle.slice(0, 200), description: "", deadline: null, responsibleId: me.id };
  const form = useZodForm(createTaskInput, initial);
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
        <Button size="sm" data-testid="new-task">
          <PlusIcon />
          {t("newTask")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{t("newTask")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const input = form.validate();
            if (input) save(() => createTaskAction({ ...input, ...about }), form.showServerErrors);
          }}
        >
          <Field id="task-title" label={t("taskTitle")} error={errorOf("title")}>
            <Input
              {...describedBy("task-title", errorOf("title"))}
              value={String(values.title ?? "")}
              onChange={(event) => set({ title: event.target.value })}
            />
          </Field>
          <Field id="task-description" label={t("taskDescription")} error={errorOf("description")}>
            <Textarea
              {...describedBy("task-description", errorOf("description"))}
              rows={3}
              value={String(values.description ?? "")}
              onChange={(event) => set({ description: event.target.value })}
            />
          </Field>
          <Field id="task-deadline" label={t("deadline")} error={errorOf("deadline")}>
            <Input
              {...describedBy("task-deadline", errorOf("deadline"))}
              type="date"
              value={String(values.deadline ?? "")}
              onChange={(event) => set({ deadline: event.target.value || null })}
            />
          </Field>
          <Field id="task-responsible" label={t("responsible")} error={errorOf("responsibleId")}>
            <ResponsibleField
              id="task-responsible"
              value={Number(values.responsibleId)}
              initial={me}
              onChange={(responsibleId) => set({ responsibleId })}
            />
          </Field>
          <ActionErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-task" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
