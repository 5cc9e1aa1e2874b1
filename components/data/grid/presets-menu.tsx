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
import type { SavedPreset } from "@/lib/grid/preferences";
import type { BuiltInPreset, PresetActions } from "./preset-types";

const PresetNameDialog = dynamic(() => import("./preset-name-dialog"), { ssr: false });

export type { BuiltInPreset, PresetActions, SavedPreset };

export function PresetsMenu({
  builtIn,
  actions,
  saved,
  currentQuery,
  onApply,
}: {
  builtIn: BuiltInPreset[];
  actions: PresetActions;
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
          {builtIn.map(({ key, label, query }) => (
            <DropdownMenuItem key={key} onSelect={() => onApply(query)} data-testid={`preset-${key}`}>
              {label}
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
                  void actions.remove({ id: preset.id });
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
          save={actions.save}
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
