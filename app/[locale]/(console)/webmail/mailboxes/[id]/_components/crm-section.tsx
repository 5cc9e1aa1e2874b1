"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Checkbox } from "@/components/ui/checkbox";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { updateCrmInput } from "@/lib/mailboxes/schemas";
import { updateCrmAction } from "../../../_lib/mailbox-actions";
import { SaveBar } from "./save-bar";
import { useSectionSave } from "./use-section-save";

const ACTIONS = ["LEAD", "CONTACT", "NONE"] as const;

/** CRM integration of the mailbox (SPEC §6), for holders of permission 204. */
export function CrmSection({
  initial,
  labels,
}: {
  initial: Record<string, unknown>;
  labels: Record<string, SubjectLabel>;
}) {
  const t = useTranslations("Crm");
  const form = useZodForm(updateCrmInput, initial);
  const [known, setKnown] = useState(labels);
  const [everyFrom, setEveryFrom] = useState(((initial.crmLeadForEveryFrom as string[]) ?? []).join("\n"));
  const { pending, error, save } = useSectionSave();
  const { values, set, errorOf } = form;
  const queue = (values.crmQueue as number[]) ?? [];
  const check = (field: string, label: string) => (
    <div className="flex items-center gap-2">
      <Checkbox
        id={field}
        checked={Boolean(values[field])}
        onCheckedChange={(checked) => set({ [field]: checked === true })}
      />
      <Label htmlFor={field}>{label}</Label>
    </div>
  );
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const input = form.validate();
        if (input) save(() => updateCrmAction(input), form.showServerErrors);
      }}
    >
      {check("crmEnabled", t("enabled"))}
      <fieldset disabled={!values.crmEnabled} className="grid gap-4 disabled:opacity-60 sm:grid-cols-2">
        <Field id="crmProcessDays" label={t("processDays")} error={errorOf("crmProcessDays")}>
          <Input
            {...describedBy("crmProcessDays", errorOf("crmProcessDays"))}
            inputMode="numeric"
            value={String(values.crmProcessDays ?? "")}
            onChange={(event) => set({ crmProcessDays: Number(event.target.value.replace(/\D/g, "")) || 0 })}
          />
        </Field>
        <Field id="crmSource" label={t("source")} error={errorOf("crmSource")}>
          <Input
            {...describedBy("crmSource", errorOf("crmSource"))}
            value={String(values.crmSource ?? "")}
            onChange={(event) => set({ crmSource: event.target.value })}
          />
        </Field>
        {(["crmIncomingNewAction", "crmOutgoingNewAction"] as const).map((field) => (
          <Field key={field} id={field} label={t(field)}>
            <NativeSelect
              id={field}
              value={String(values[field])}
              onChange={(event) => set({ [field]: event.target.value })}
            >
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`actions.${action}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ))}
        <div className="flex flex-col gap-2 sm:col-span-2">
          {check("crmRouteToResponsible", t("routeToResponsible"))}
          {check("crmContactsFromVcards", t("vcards"))}
        </div>
        <Field
          id="crmLeadForEveryFrom"
          label={t("leadForEveryFrom")}
          hint={t("leadForEveryFromHint")}
          error={errorOf("crmLeadForEveryFrom")}
          className="sm:col-span-2"
        >
          <Textarea
            {...describedBy("crmLeadForEveryFrom", errorOf("crmLeadForEveryFrom"), true)}
            rows={3}
            dir="ltr"
            value={everyFrom}
            onChange={(event) => {
              setEveryFrom(event.target.value);
              set({
                crmLeadForEveryFrom: event.target.value
                  .split(/[\n,;]+/)
                  .map((line) => line.trim().toLowerCase())
                  .filter(Boolean),
              });
            }}
          />
        </Field>
        <Field
          id="crmQueue"
          label={t("queue")}
          hint={t("queueHint")}
          error={errorOf("crmQueue")}
          className="sm:col-span-2"
        >
          <div className="flex flex-wrap items-center gap-1.5" id="crmQueue" data-testid="crm-queue">
            {queue.map((userId) => (
              <SubjectChip
                key={userId}
                subject={{ kind: "USER", refId: userId }}
                label={known[`USER:${userId}`]}
                removeLabel={t("removeFromQueue")}
                onRemove={() => set({ crmQueue: queue.filter((id) => id !== userId) })}
              />
            ))}
            <SubjectPicker
              kinds={["USER"]}
              exclude={queue.map((refId) => ({ kind: "USER" as const, refId }))}
              onPick={(subject, label) => {
                setKnown((current) => ({ ...current, [label.key]: label }));
                set({ crmQueue: [...queue, subject.refId] });
              }}
            />
          </div>
        </Field>
      </fieldset>
      <SaveBar pending={pending} error={error} testId="save-crm" />
    </form>
  );
}
