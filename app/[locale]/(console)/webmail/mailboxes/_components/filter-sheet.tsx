"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { STATUS_FILTERS, SYNC_FILTERS } from "@/lib/mailboxes/grid/params";
import type { Filters } from "./filter-panel";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const number = (text: string) => (text.trim() === "" || Number.isNaN(Number(text)) ? null : Number(text));

function PeoplePicker({
  id,
  value,
  labels,
  onChange,
}: {
  id: string;
  value: number[];
  labels: Record<string, SubjectLabel>;
  onChange: (ids: number[], label?: SubjectLabel) => void;
}) {
  const t = useTranslations("Grid");
  return (
    <div id={id} className="flex flex-wrap items-center gap-1.5">
      {value.map((userId) => (
        <SubjectChip
          key={userId}
          subject={{ kind: "USER", refId: userId }}
          label={labels[`USER:${userId}`]}
          removeLabel={t("removeFilterValue")}
          onRemove={() => onChange(value.filter((other) => other !== userId))}
        />
      ))}
      <SubjectPicker
        kinds={["USER"]}
        exclude={value.map((refId) => ({ kind: "USER" as const, refId }))}
        onPick={(subject, label) => onChange([...value, subject.refId], label)}
      />
    </div>
  );
}

/** The filter form in a side sheet; loaded only when the Filters button is first pressed. */
export default function FilterSheet({
  filters,
  labels,
  open,
  onOpenChange,
  onApply,
}: {
  filters: Filters;
  labels: Record<string, SubjectLabel>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onApply: (filters: Filters, labels: Record<string, SubjectLabel>) => void;
}) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const [draft, setDraft] = useState(filters);
  const [known, setKnown] = useState(labels);
  const set = (patch: Partial<Filters>) => setDraft((current) => ({ ...current, ...patch }));
  const people = (key: "owners" | "access" | "queue") => (ids: number[], label?: SubjectLabel) => {
    if (label) setKnown((current) => ({ ...current, [label.key]: label }));
    set({ [key]: ids });
  };
  // Each opening starts from what the URL says, not from an abandoned draft.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setDraft(filters);
      setKnown(labels);
    }
  }
  const setOpen = onOpenChange;
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent side="end" className="w-[min(26rem,100vw)]" closeLabel={common("close")}>
        <div className="border-b px-5 py-4">
          <SheetTitle className="text-base font-semibold">{t("filters")}</SheetTitle>
          <SheetDescription className="text-sm text-muted-foreground">{t("filtersHint")}</SheetDescription>
        </div>
        <form
          className="flex flex-1 flex-col gap-4 overflow-y-auto px-5 py-4"
          onSubmit={(event) => {
            event.preventDefault();
            onApply(draft, known);
            setOpen(false);
          }}
          id="grid-filters"
        >
          <Field id="filter-email" label={t("filter.email")}>
            <Input
              id="filter-email"
              value={draft.email}
              onChange={(event) => set({ email: event.target.value })}
              dir="ltr"
            />
          </Field>
          <Field id="filter-name" label={t("filter.name")}>
            <Input id="filter-name" value={draft.name} onChange={(event) => set({ name: event.target.value })} />
          </Field>
          <Field id="filter-owners" label={t("filter.owners")}>
            <PeoplePicker id="filter-owners" value={draft.owners} labels={known} onChange={people("owners")} />
          </Field>
          <Field id="filter-sync" label={t("filter.lastSync")}>
            <NativeSelect
              id="filter-sync"
              value={draft.sync ?? ""}
              onChange={(event) => set({ sync: (event.target.value || null) as Filters["sync"] })}
            >
              <option value="">{t("any")}</option>
              {SYNC_FILTERS.map((option) => (
                <option key={option} value={option}>
                  {t(`sync.${option}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {draft.sync === "older" && (
            <Field id="filter-sync-days" label={t("filter.olderThanDays")}>
              <Input
                id="filter-sync-days"
                inputMode="numeric"
                value={draft.syncDays ?? 7}
                onChange={(event) => set({ syncDays: number(event.target.value) })}
              />
            </Field>
          )}
          {draft.sync === "range" && (
            <div className="grid grid-cols-2 gap-3">
              <Field id="filter-sync-from" label={t("filter.from")}>
                <Input
                  id="filter-sync-from"
                  type="date"
                  value={day(draft.syncFrom)}
                  onChange={(event) => set({ syncFrom: event.target.value ? new Date(event.target.value) : null })}
                />
              </Field>
              <Field id="filter-sync-to" label={t("filter.to")}>
                <Input
                  id="filter-sync-to"
                  type="date"
                  value={day(draft.syncTo)}
                  onChange={(event) => set({ syncTo: event.target.value ? new Date(event.target.value) : null })}
                />
              </Field>
            </div>
          )}
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("filter.status")}</legend>
            <div className="grid grid-cols-2 gap-2">
              {STATUS_FILTERS.map((status) => (
                <div key={status} className="flex items-center gap-2">
                  <Checkbox
                    id={`filter-status-${status}`}
                    checked={draft.status.includes(status)}
                    onCheckedChange={(checked) =>
                      set({
                        status:
                          checked === true
                            ? [...draft.status, status]
                            : draft.status.filter((other) => other !== status),
                      })
                    }
                  />
                  <Label htmlFor={`filter-status-${status}`} className="font-normal">
                    {t(`status.${status}`)}
                  </Label>
                </div>
              ))}
            </div>
          </fieldset>
          <Field id="filter-crm" label={t("filter.crm")}>
            <NativeSelect
              id="filter-crm"
              value={draft.crm ?? ""}
              onChange={(event) => set({ crm: (event.target.value || null) as Filters["crm"] })}
            >
              <option value="">{t("any")}</option>
              <option value="yes">{common("yes")}</option>
              <option value="no">{common("no")}</option>
            </NativeSelect>
          </Field>
          <Field id="filter-access" label={t("filter.access")}>
            <PeoplePicker id="filter-access" value={draft.access} labels={known} onChange={people("access")} />
          </Field>
          <Field id="filter-queue" label={t("filter.queue")}>
            <PeoplePicker id="filter-queue" value={draft.queue} labels={known} onChange={people("queue")} />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="filter-disk-min" label={t("filter.diskMin")}>
              <Input
                id="filter-disk-min"
                inputMode="decimal"
                value={draft.diskMin ?? ""}
                onChange={(event) => set({ diskMin: number(event.target.value) })}
              />
            </Field>
            <Field id="filter-disk-max" label={t("filter.diskMax")}>
              <Input
                id="filter-disk-max"
                inputMode="decimal"
                value={draft.diskMax ?? ""}
                onChange={(event) => set({ diskMax: number(event.target.value) })}
              />
            </Field>
          </div>
          <Field id="filter-sender" label={t("filter.sender")}>
            <Input id="filter-sender" value={draft.sender} onChange={(event) => set({ sender: event.target.value })} />
          </Field>
        </form>
        <div className="flex justify-between gap-2 border-t px-5 py-3">
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              onApply(
                {
                  email: "",
                  name: "",
                  sender: "",
                  owners: [],
                  access: [],
                  queue: [],
                  sync: null,
                  syncDays: null,
                  syncFrom: null,
                  syncTo: null,
                  crm: null,
                  status: [],
                  diskMin: null,
                  diskMax: null,
                },
                known,
              );
              setOpen(false);
            }}
          >
            {t("clearFilters")}
          </Button>
          <Button type="submit" form="grid-filters" data-testid="apply-filters">
            {t("apply")}
          </Button>
        </div>
      </SheetContent>
    </Sheet>
  );
}
