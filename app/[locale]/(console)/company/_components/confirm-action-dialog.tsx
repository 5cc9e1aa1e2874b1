"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
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
import { useDialogSave } from "../../telephony/_components/use-dialog-save";
import { PeopleErrorAlert } from "./people-error";

/**
 * A yes/no step before an organisation change (delete, deactivate …): what will happen, the
 * refusal in words when the server says no, and `children` for anything to choose first.
 */
export function ConfirmActionDialog({
  trigger,
  title,
  description,
  confirmLabel,
  destructive = false,
  disabled = false,
  run,
  onDone,
  onOpen,
  children,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  disabled?: boolean;
  run: () => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  onOpen?: () => void;
  children?: ReactNode;
}) {
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const { pending, error, setError, save } = useDialogSave(() => {
    setOpen(false);
    onDone?.();
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setError(null);
          onOpen?.();
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        <PeopleErrorAlert error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant={destructive ? "destructive" : "default"}
            disabled={pending || disabled}
            onClick={() => save(run)}
            data-testid="confirm-action"
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
