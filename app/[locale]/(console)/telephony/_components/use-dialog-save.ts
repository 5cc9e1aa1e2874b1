"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Saving from a telephony dialog: pending state, the error to show, and on success a toast, a
 * fresh server render and the dialog closed. Field errors go to the form (onError).
 */
export function useDialogSave(onSaved: () => void) {
  const t = useTranslations("TelephonyPages");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const save = <T>(run: () => Promise<ActionResult<T>>, onError?: (error: ActionError) => void) =>
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        setError(result.error);
        onError?.(result.error);
        return;
      }
      setError(null);
      toast.success(t("saved"));
      onSaved();
      router.refresh();
    });
  return { pending, error, setError, save };
}
