"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

/** Saving one settings section: pending state, the error to show, a toast and a refresh on success. */
export function useSectionSave() {
  const t = useTranslations("MailboxSettings");
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
      router.refresh();
    });
  return { pending, error, save };
}
