"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Cancel and Save at the foot of a form in a dialog; Save shows that it is working. */
export function DialogFormFooter({
  pending,
  onCancel,
  saveTestId,
}: {
  pending: boolean;
  onCancel(): void;
  saveTestId?: string;
}) {
  const common = useTranslations("Common");
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="outline" onClick={onCancel}>
        {common("cancel")}
      </Button>
      <Button type="submit" disabled={pending} data-testid={saveTestId}>
        {pending ? common("saving") : common("save")}
      </Button>
    </div>
  );
}
