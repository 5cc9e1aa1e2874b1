"use client";
import { BookmarkIcon, SaveIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { deletePresetAction, savePresetAction } from "../_lib/grid-actions";

/** The built-in presets answer the everyday questions in one click (SPEC §2.2). */
export const BUILT_IN_PRESETS = {
  notSynced7: "sync=older&syncDays=7&sort=lastSync&dir=asc",
  inCrm: "crm=yes",
  errors: "status=ERROR,NEEDS_PASSWORD",
  largest: "sort=disk&dir=desc",
} as const;

export interface SavedPreset {
  id: number;
  name: string;
  query: string;
}

export function PresetsMenu({
  saved,
  currentQuery,
  onApply,
}: {
  saved: SavedPreset[];
  currentQuery: string;
  onApply: (query: string) => void;
}) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const validation = useTranslations("Validation");
  const [presets, setPresets] = useState(saved);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await savePresetAction({ name, query: currentQuery });
      if (!result.ok)
        return setError(
          result.error.fieldErrors?.name
            ? validation(result.error.fieldErrors.name as "required")
            : errors(result.error.code),
        );
      setPresets((current) =>
        [...current.filter((preset) => preset.id !== result.data.id), result.data].sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      );
      setNaming(false);
      toast.success(t("presetSaved", { name: result.data.name }));
    });
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" data-testid="presets">
            <BookmarkIcon /> {t("presets")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>{t("builtInPresets")}</DropdownMenuLabel>
          {Object.entries(BUILT_IN_PRESETS).map(([key, query]) => (
            <DropdownMenuItem key={key} onSelect={() => onApply(query)} data-testid={`preset-${key}`}>
              {t(`builtIn.${key}`)}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuLabel>{t("myPresets")}</DropdownMenuLabel>
          {presets.length === 0 && <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("noPresets")}</p>}
          {presets.map((preset) => (
            <DropdownMenuItem
              key={preset.id}
              onSelect={() => onApply(preset.query)}
              className="justify-between"
              data-testid="saved-preset"
            >
              <span className="truncate">{preset.name}</span>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-6"
                aria-label={t("deletePreset", { name: preset.name })}
                onClick={(event) => {
                  event.stopPropagation();
                  event.preventDefault();
                  setPresets((current) => current.filter((other) => other.id !== preset.id));
                  void deletePresetAction({ id: preset.id });
                }}
              >
                <Trash2Icon />
              </Button>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              setName("");
              setError(null);
              setNaming(true);
            }}
            data-testid="save-preset"
          >
            <SaveIcon /> {t("saveCurrent")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={naming} onOpenChange={setNaming}>
        <DialogContent closeLabel={common("close")}>
          <form
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <DialogHeader>
              <DialogTitle>{t("saveCurrent")}</DialogTitle>
            </DialogHeader>
            <Field id="preset-name" label={t("presetName")} error={error ?? undefined}>
              <Input
                id="preset-name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                autoFocus
                aria-invalid={error ? true : undefined}
              />
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setNaming(false)}>
                {common("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {common("save")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
