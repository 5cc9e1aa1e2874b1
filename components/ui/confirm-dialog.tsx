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
import type { ActionError, ActionResult } from "@/lib/actions/result";

/**
 * "Are you sure?" before a destructive server action: the trigger opens it, the confirm button
 * runs the action (disabled while it runs); a refusal is a toast in the reader's language, a
 * success closes the dialog and hands over to `onDone` (a toast, a refresh or a redirect).
 * `children` is anything to choose before confirming (a new owner); `errorText` says a refusal
 * in the feature's own words (why a department cannot be deleted).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  confirmTestId,
  run,
  onDone,
  destructive = true,
  disabled = false,
  onOpen,
  errorText,
  children,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  confirmTestId?: string;
  run: () => Promise<ActionResult<unknown>>;
  onDone: () => void;
  destructive?: boolean;
  disabled?: boolean;
  onOpen?: () => void;
  errorText?: (error: ActionError) => string | undefined;
  children?: ReactNode;
}) {
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) onOpen?.();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant={destructive ? "destructive" : "default"}
            disabled={pending || disabled}
            data-testid={confirmTestId}
            onClick={() =>
              startTransition(async () => {
                const result = await run();
                if (!result.ok) return void toast.error(errorText?.(result.error) ?? errors(result.error.code));
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
