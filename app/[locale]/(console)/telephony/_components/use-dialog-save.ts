"use client";
import { useTranslations } from "next-intl";
import { useActionSave } from "@/components/forms/use-action-save";

/** Saving from a telephony dialog: on success a toast, a fresh render and the dialog closed. */
export function useDialogSave(onSaved: () => void) {
  return useActionSave(useTranslations("TelephonyPages")("saved"), onSaved);
}
