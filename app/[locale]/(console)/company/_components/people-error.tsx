"use client";
import { useTranslations } from "next-intl";
import { ActionErrorAlert } from "@/components/forms/action-error-alert";
import type { ActionError } from "@/lib/actions/result";

/** The organisation's own reasons for a refusal (department not empty, user limit …), in words. */
export function usePeopleErrorText() {
  const t = useTranslations("People.conflicts");
  return (error: ActionError | null) => {
    const reason = error?.details?.reason;
    return error?.code === "CONFLICT" && reason && t.has(reason)
      ? t(reason as "departmentNotEmpty", { limit: error.details?.limit ?? "" })
      : undefined;
  };
}

/** An action's error in a form, with the organisation's own reasons spelled out. */
export function PeopleErrorAlert({ error }: { error: ActionError | null }) {
  return <ActionErrorAlert error={error} message={usePeopleErrorText()(error)} />;
}
