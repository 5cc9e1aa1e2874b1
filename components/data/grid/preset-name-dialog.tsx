"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { SavedPreset } from "@/lib/grid/preferences";
import type { PresetActions } from "./preset-types";

/** "Save current view…": names the current filters and sort as one of the user's presets. */
export default function PresetNameDialog({
  save: savePreset,
  currentQuery,
  onClose,
  onSaved,
}: {
  save: PresetActions["save"];
  currentQuery: string;
  onClose: () => void;
  onSaved: (preset: SavedPreset) => void;
}) {
  const t = useTranslations("Grid");
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const validation = useTranslations("Validation");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await savePreset({ name, query: currentQuery });
      if (!result.ok) {
        const field = result.error.fieldErrors?.name;
        return setError(field ? validation(field as "required") : errors(result.error.code));
      }
      onSaved(result.data);
      onClose();
      toast.success(t("presetSaved", { name: result.data.name }));
    });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
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
            <Button type="button" variant="outline" onClick={onClose}>
              {common("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {common("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
