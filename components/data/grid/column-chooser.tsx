"use client";
import { ArrowDownIcon, ArrowUpIcon, SettingsIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

/** A column switched on goes last, but before a button column (e.g. "Manage") that closes the row. */
function withColumn<C extends string>(columns: C[], column: C, closing?: C): C[] {
  const last = closing === undefined ? -1 : columns.indexOf(closing);
  if (last < 0 || last !== columns.length - 1) return [...columns, column];
  return [...columns.slice(0, last), column, closing as C];
}

/** ⚙️: show, hide and reorder columns (SPEC §2.1); the choice is saved for the user. */
export function ColumnChooser<C extends string>({
  all,
  required,
  closing,
  label,
  columns,
  onChange,
}: {
  /** Every column the grid has, in their default order. */
  all: readonly C[];
  /** Columns that identify a row: they can move but not be hidden. */
  required: readonly C[];
  /** A column that stays last when another is switched on. */
  closing?: C;
  label: (column: C) => string;
  columns: C[];
  onChange: (columns: C[]) => void;
}) {
  const t = useTranslations("Grid");
  // Visible columns in their order, then the hidden ones.
  const ordered = [...columns, ...all.filter((column) => !columns.includes(column))];
  const move = (column: C, by: -1 | 1) => {
    const index = columns.indexOf(column);
    const target = index + by;
    if (index < 0 || target < 0 || target >= columns.length) return;
    const next = [...columns];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange(next);
  };
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="icon" aria-label={t("chooseColumns")} data-testid="column-chooser">
          <SettingsIcon />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72 p-2">
        <p className="px-2 pb-2 pt-1 text-sm font-semibold">{t("chooseColumns")}</p>
        <ul className="flex flex-col">
          {ordered.map((column) => {
            const visible = columns.includes(column);
            const index = columns.indexOf(column);
            return (
              <li
                key={column}
                className="flex items-center gap-2 rounded px-2 py-1 hover:bg-accent"
                data-testid={`column-option-${column}`}
              >
                <Checkbox
                  id={`column-${column}`}
                  checked={visible}
                  disabled={required.includes(column)}
                  onCheckedChange={(checked) =>
                    onChange(
                      checked === true
                        ? withColumn(columns, column, closing)
                        : columns.filter((other) => other !== column),
                    )
                  }
                />
                <Label htmlFor={`column-${column}`} className="flex-1 font-normal">
                  {label(column)}
                </Label>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  disabled={!visible || index === 0}
                  onClick={() => move(column, -1)}
                  aria-label={t("moveUp", { column: label(column) })}
                >
                  <ArrowUpIcon />
                </Button>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  disabled={!visible || index === columns.length - 1}
                  onClick={() => move(column, 1)}
                  aria-label={t("moveDown", { column: label(column) })}
                >
                  <ArrowDownIcon />
                </Button>
              </li>
            );
          })}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
