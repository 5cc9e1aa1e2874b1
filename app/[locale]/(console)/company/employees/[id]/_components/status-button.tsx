"use client";
import { UserCheckIcon, UserXIcon } from "lucide-react";
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
import { useDialogSave } from "../../../../telephony/_components/use-dialog-save";
import { PeopleErrorAlert } from "../../../_components/people-error";
import { deactivateUserAction, reactivateUserAction } from "../../_lib/actions";

/** Deactivate (with what it means spelled out) or reactivate one person. */
export function StatusButton({ userId, name, deactivated }: { userId: number; name: string; deactivated: boolean }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const run = () =>
    save(() => (deactivated ? reactivateUserAction({ id: userId }) : deactivateUserAction({ id: userId })));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button
          size="sm"
          variant={deactivated ? "outline" : "destructive"}
          data-testid={deactivated ? "reactivate" : "deactivate"}
        >
          {deactivated ? <UserCheckIcon /> : <UserXIcon />}
          {deactivated ? t("reactivate") : t("deactivate")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{deactivated ? t("reactivateTitle", { name }) : t("deactivateTitle", { name })}</DialogTitle>
          <DialogDescription>{deactivated ? t("reactivateHint") : t("deactivateHint")}</DialogDescription>
        </DialogHeader>
        <PeopleErrorAlert error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant={deactivated ? "default" : "destructive"}
            disabled={pending}
            onClick={run}
            data-testid="confirm-status"
          >
            {deactivated ? t("reactivate") : t("deactivate")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
