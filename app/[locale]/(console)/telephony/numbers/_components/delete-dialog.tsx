"use client";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/forms/action-error-alert";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { ActionError, ActionResult } from "@/lib/actions/result";

/**
 * Confirms a delete; when the server refuses because the item is in use, `explain` turns the
 * refusal's details into the sentence that says where (the page only knew as of its last render).
 */
export function DeleteDialog({
  label,
  question,
  run,
  explain,
  testId,
}: {
  label: string;
  question: string;
  run: () => Promise<ActionResult<unknown>>;
  explain: (error: ActionError) => string | undefined;
  testId: string;
}) {
  const t = useTranslations("TelephonyPages");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={label} data-testid={testId}>
          <Trash2Icon />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{label}</DialogTitle>
          <DialogDescription>{question}</DialogDescription>
        </DialogHeader>
        <ActionErrorAlert error={error} message={error?.code === "CONFLICT" ? explain(error) : undefined} />
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            type="button"
            variant="destructive"
            disabled={pending}
            onClick={() => save(run)}
            data-testid={`${testId}-confirm`}
          >
            {t("confirmDelete")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
