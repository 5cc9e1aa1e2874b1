"use client";
import type { ComponentProps } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRouter } from "@/lib/i18n/navigation";
import { usePeopleErrorText } from "./people-error";

/** The shared confirmation, saying organisation refusals in words and showing the change at once. */
export function ConfirmPeopleChange({
  onDone,
  ...props
}: Omit<ComponentProps<typeof ConfirmDialog>, "onDone" | "errorText" | "confirmTestId"> & { onDone?: () => void }) {
  const router = useRouter();
  const errorText = usePeopleErrorText();
  return (
    <ConfirmDialog
      {...props}
      confirmTestId="confirm-action"
      errorText={errorText}
      onDone={() => {
        if (onDone) onDone();
        else router.refresh();
      }}
    />
  );
}
