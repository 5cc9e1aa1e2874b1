"use client";
// A lead's or contact's fields: a form for whoever may edit the record (its responsible person,
// their heads, admins), the same values read-only for everyone else.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/forms/action-error-alert";
import { useActionSave } from "@/components/forms/use-action-save";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { LEAD_STATUSES } from "@/lib/crm/grid/params";
import { updateContactInput, updateLeadInput } from "@/lib/crm/schemas";
import { updateContactAction, updateLeadAction } from "../_lib/actions";
import { type Person, ResponsibleField } from "./responsible-field";

const list = (value: unknown) => (Array.isArray(value) ? value.join(", ") : "");
const split = (text: string) =>
  text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean);

export function RecordForm({
  type,
  initial,
  responsible,
  canEdit,
}: {
  type: "lead" | "contact";
  initial: Record<string, unknown>;
  responsible: Person | null;
  canEdit: boolean;
}) {
  const t = useTranslations("CrmPages");
  const common = useTranslations("Common");
  const form = useZodForm(type === "lead" ? updateLeadInput : updateContactInput, initial);
  const { pending, error, save } = useActionSave(common("saved"));
  const [texts, setTexts] = useState({ emails: list(initial.emails), phones: list(initial.phones) });
  const { values, set, errorOf } = form;
  const text = (field: string) => (
    <Field id={`record-${field}`} label={t(`fields.${field}`)} error={errorOf(field)}>
      <Input
        {...describedBy(`record-${field}`, errorOf(field))}
        dir={field === "email" ? "ltr" : undefined}
        readOnly={!canEdit}
        value={String(values[field] ?? "")}
        onChange={(event) => set({ [field]: event.target.value })}
      />
    </Field>
  );
  const listField = (field: "emails" | "phones") => (
    <Field id={`record-${field}`} label={t(`fields.${field}`)} error={errorOf(field) ?? errorOf(`${field}.0`)}>
      <Input
        {...describedBy(`record-${field}`, errorOf(field))}
        dir="ltr"
        readOnly={!canEdit}
        value={texts[field]}
        onChange={(event) => {
          setTexts((current) => ({ ...current, [field]: event.target.value }));
          set({ [field]: split(event.target.value).map((item) => (field === "emails" ? item.toLowerCase() : item)) });
        }}
      />
    </Field>
  );
  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      data-testid="record-form"
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.validate();
        if (!input) return;
        save(
          () =>
            type === "lead"
              ? updateLeadAction(input as Parameters<typeof updateLeadAction>[0])
              : updateContactAction(input as Parameters<typeof updateContactAction>[0]),
          form.showServerErrors,
        );
      }}
    >
      {type === "lead" ? (
        <>
          {text("title")}
          {text("name")}
          {text("email")}
          {listField("phones")}
          {text("company")}
          <Field id="record-status" label={t("fields.status")}>
            <NativeSelect
              id="record-status"
              disabled={!canEdit}
              value={String(values.status)}
              onChange={(event) => set({ status: event.target.value })}
            >
              {LEAD_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`statuses.${status}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </>
      ) : (
        <>
          {text("name")}
          {text("company")}
          {listField("emails")}
          {listField("phones")}
        </>
      )}
      <Field
        id="record-responsible"
        label={t("responsible")}
        error={errorOf("responsibleId")}
        className="sm:col-span-2"
      >
        <ResponsibleField
          id="record-responsible"
          value={Number(values.responsibleId)}
          initial={responsible}
          disabled={!canEdit}
          onChange={(responsibleId) => set({ responsibleId })}
        />
      </Field>
      <div className="sm:col-span-2">
        <ActionErrorAlert error={error} />
      </div>
      {canEdit ? (
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" disabled={pending} data-testid="save-record">
            {pending ? common("saving") : common("save")}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-muted-foreground sm:col-span-2" data-testid="read-only-note">
          {t("readOnly")}
        </p>
      )}
    </form>
  );
}
