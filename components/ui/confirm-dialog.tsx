"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useState, useTransition } from "react";
import { toast } from "sonner";
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
import type { ActionResult } from "@/lib/actions/result";

/**
 * "Are you sure?" before a destructive server action: the trigger opens it, the confirm button
 * runs the action (disabled while it runs); a refusal is a toast in the reader's language, a
 * success closes the dialog and hands over to `onDone` (a toast, a refresh or a redirect).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  confirmTestId,
  run,
  onDone,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  confirmTestId?: string;
  run: () => Promise<ActionResult<unknown>>;
  onDone: () => void;
}) {
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant="destructive"
            disabled={pending}
            data-testid={confirmTestId}
            onClick={() =>
              startTransition(async () => {
                const result = await run();
                if (!result.ok) return void toast.error(errors(result.error.code));
                setOpen(false);
                onDone();
              })
            }
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
