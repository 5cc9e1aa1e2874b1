"use client";
import { useTranslations } from "next-intl";
import { useActionSave } from "@/components/forms/use-action-save";

/** Saving one settings section: pending state, the error to show, a toast and a refresh on success. */
export function useSectionSave() {
  return useActionSave(useTranslations("MailboxSettings")("saved"));
}
