"use client";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
import { useDialogSave } from "../../../telephony/_components/use-dialog-save";
import { PeopleErrorAlert } from "../../_components/people-error";
import { deleteDepartmentAction } from "../_lib/actions";

/** Deletes an empty department; a non-empty one is explained, not deleted. */
export function DeleteDepartment({ id, name }: { id: number; name: string }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const label = t("deleteDepartmentOf", { name });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={label} title={label} data-testid="delete-department">
          <Trash2Icon />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{label}</DialogTitle>
          <DialogDescription>{t("deleteDepartmentHint")}</DialogDescription>
        </DialogHeader>
        <PeopleErrorAlert error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant="destructive"
            disabled={pending}
            onClick={() => save(() => deleteDepartmentAction({ id }))}
            data-testid="confirm-delete-department"
          >
            {common("delete")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
