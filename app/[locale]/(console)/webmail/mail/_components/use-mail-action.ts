"use client";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

/** Runs a mail action, shows its error in the reader's language, then refreshes the view or does `onDone`. */
export function useMailAction() {
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = <T>(call: () => Promise<ActionResult<T>>, onDone?: (data: T) => void, refresh = onDone === undefined) =>
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        toast.error(errors(result.error.code));
        return;
      }
      // Leaving the message (onDone navigates) must not refresh it first: opening it again would
      // mark it read again right after "mark as unread".
      onDone?.(result.data);
      if (refresh) router.refresh();
    });
  return { pending, run };
}
