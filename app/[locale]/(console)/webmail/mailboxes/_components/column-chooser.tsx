"use client";
import { ArrowDownIcon, ArrowUpIcon, SettingsIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { GRID_COLUMNS, type GridColumn } from "@/lib/mailboxes/grid/params";

const REQUIRED: GridColumn[] = ["owner", "email"];

/** A column switched on goes last, but before "Manage" when that button column closes the row. */
function withColumn(columns: GridColumn[], column: GridColumn): GridColumn[] {
  const manage = columns.indexOf("manage");
  if (manage !== columns.length - 1) return [...columns, column];
  return [...columns.slice(0, manage), column, "manage"];
}

/** ⚙️: show, hide and reorder columns (SPEC §2.1); the choice is saved for the user. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: GridColumn[];
  onChange: (columns: GridColumn[]) => void;
}) {
  const t = useTranslations("Grid");
  // Visible columns in their order, then the hidden ones.
  const ordered = [...columns, ...GRID_COLUMNS.filter((column) => !columns.includes(column))];
  const move = (column: GridColumn, by: -1 | 1) => {
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
                  disabled={REQUIRED.includes(column)}
                  onCheckedChange={(checked) =>
                    onChange(
                      checked === true ? withColumn(columns, column) : columns.filter((other) => other !== column),
                    )
                  }
                />
                <Label htmlFor={`column-${column}`} className="flex-1 font-normal">
                  {t(`columns.${column}`)}
                </Label>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  disabled={!visible || index === 0}
                  onClick={() => move(column, -1)}
                  aria-label={t("moveUp", { column: t(`columns.${column}`) })}
                >
                  <ArrowUpIcon />
                </Button>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  disabled={!visible || index === columns.length - 1}
                  onClick={() => move(column, 1)}
                  aria-label={t("moveDown", { column: t(`columns.${column}`) })}
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
