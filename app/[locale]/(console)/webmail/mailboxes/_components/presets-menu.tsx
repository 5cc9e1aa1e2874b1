"use client";
import { BookmarkIcon, SaveIcon, Trash2Icon } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { deletePresetAction } from "../_lib/grid-actions";

const PresetNameDialog = dynamic(() => import("./preset-name-dialog"), { ssr: false });

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
  const [presets, setPresets] = useState(saved);
  const [naming, setNaming] = useState(false);
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
          <DropdownMenuItem onSelect={() => setNaming(true)} data-testid="save-preset">
            <SaveIcon /> {t("saveCurrent")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {naming && (
        <PresetNameDialog
          currentQuery={currentQuery}
          onClose={() => setNaming(false)}
          onSaved={(preset) =>
            setPresets((current) =>
              [...current.filter((other) => other.id !== preset.id), preset].sort((x, y) =>
                x.name.localeCompare(y.name),
              ),
            )
          }
        />
      )}
    </>
  );
}
