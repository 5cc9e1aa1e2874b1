"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * Saving through a server action: pending state, the error to show, and on success a toast, a
 * fresh server render and whatever the caller does next (close a dialog). Field errors go to the
 * form through onError.
 */
export function useActionSave(savedMessage: string, onSaved?: () => void) {
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
      toast.success(savedMessage);
      onSaved?.();
      router.refresh();
    });
  return { pending, error, setError, save };
}
