"use client";
import { useTranslations } from "next-intl";
import { useActionSave } from "./use-action-save";

/** Saving from a dialog: on success a toast, a fresh render and the dialog closed. */
export function useDialogSave(onSaved: () => void) {
  return useActionSave(useTranslations("Common")("saved"), onSaved);
}
