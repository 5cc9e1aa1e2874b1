"use client";
import { FilterIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { DIRECTIONS, STATUSES } from "@/lib/telephony/calls/params";
import type { CallFilters } from "../_lib/use-call-url";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const dayOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null);

/** The Filters button and its form; the employee filter is set from the rows and the statistics. */
export function CallFiltersPanel({
  filters,
  activeCount,
  onApply,
}: {
  filters: CallFilters;
  activeCount: number;
  onApply: (filters: Partial<CallFilters>) => void;
}) {
  const t = useTranslations("Calls");
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(filters);
  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(filters);
        setOpen(next);
      }}
    >
      <PopoverTrigger asChild>
        <Button variant="outline" data-testid="open-filters">
          <FilterIcon /> {t("filters")}
          {activeCount > 0 && <Badge>{activeCount}</Badge>}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80 max-w-[calc(100vw-2rem)]">
        <form
          className="flex flex-col gap-3"
          data-testid="call-filters"
          onSubmit={(event) => {
            event.preventDefault();
            onApply(draft);
            setOpen(false);
          }}
        >
          <p className="text-sm text-muted-foreground">{t("filtersHint")}</p>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
            <legend className="mb-1 text-sm font-medium">{t("filter.direction")}</legend>
            {DIRECTIONS.map((value) => (
              <span key={value} className="flex items-center gap-2">
                <Checkbox
                  id={`direction-${value}`}
                  checked={draft.direction.includes(value)}
                  onCheckedChange={(on) =>
                    setDraft({ ...draft, direction: toggle(draft.direction, value, on === true) })
                  }
                />
                <Label htmlFor={`direction-${value}`} className="font-normal">
                  {t(`direction.${value}`)}
                </Label>
              </span>
            ))}
          </fieldset>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
            <legend className="mb-1 text-sm font-medium">{t("filter.status")}</legend>
            {STATUSES.map((value) => (
              <span key={value} className="flex items-center gap-2">
                <Checkbox
                  id={`status-${value}`}
                  checked={draft.status.includes(value)}
                  onCheckedChange={(on) => setDraft({ ...draft, status: toggle(draft.status, value, on === true) })}
                />
                <Label htmlFor={`status-${value}`} className="font-normal">
                  {t(`status.${value}`)}
                </Label>
              </span>
            ))}
          </fieldset>
          <div className="grid grid-cols-2 gap-2">
            <Label className="flex flex-col items-start gap-1">
              {t("filter.from")}
              <Input
                type="date"
                value={isoDay(draft.from)}
                onChange={(event) => setDraft({ ...draft, from: dayOf(event.target.value) })}
                data-testid="filter-from"
              />
            </Label>
            <Label className="flex flex-col items-start gap-1">
              {t("filter.to")}
              <Input
                type="date"
                value={isoDay(draft.to)}
                onChange={(event) => setDraft({ ...draft, to: dayOf(event.target.value) })}
                data-testid="filter-to"
              />
            </Label>
          </div>
          <Label className="flex flex-col items-start gap-1">
            {t("filter.number")}
            <Input
              dir="ltr"
              inputMode="tel"
              value={draft.number}
              onChange={(event) => setDraft({ ...draft, number: event.target.value })}
              data-testid="filter-number"
            />
          </Label>
          <div className="grid grid-cols-2 gap-2">
            <Label className="flex flex-col items-start gap-1">
              {t("filter.crmType")}
              <Input value={draft.crmType} onChange={(event) => setDraft({ ...draft, crmType: event.target.value })} />
            </Label>
            <Label className="flex flex-col items-start gap-1">
              {t("filter.crmId")}
              <Input
                inputMode="numeric"
                value={draft.crmId ?? ""}
                onChange={(event) => {
                  const id = Number(event.target.value);
                  setDraft({ ...draft, crmId: Number.isInteger(id) && id > 0 ? id : null });
                }}
              />
            </Label>
          </div>
          <Button type="submit" data-testid="apply-filters">
            {t("apply")}
          </Button>
        </form>
      </PopoverContent>
    </Popover>
  );
}
