"use client";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/result";
import { ActionErrorAlert } from "../../telephony/_components/action-error-alert";

/** An action's error, with the organisation's own reasons (department not empty, user limit …) spelled out. */
export function PeopleErrorAlert({ error }: { error: ActionError | null }) {
  const t = useTranslations("People.conflicts");
  const reason = error?.details?.reason;
  const message =
    error?.code === "CONFLICT" && reason && t.has(reason)
      ? t(reason as "departmentNotEmpty", { limit: error.details?.limit ?? "" })
      : undefined;
  return <ActionErrorAlert error={error} message={message} />;
}
