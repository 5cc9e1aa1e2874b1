"use client";
import { ArrowRightLeftIcon } from "lucide-react";
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
import { PeoplePicker, type PickedPerson } from "../../../_components/people-picker";
import { transferMailboxAction } from "../../_lib/actions";

/** Hands one mailbox of a deactivated owner to another employee (both are notified). */
export function TransferMailbox({ mailboxId, email }: { mailboxId: number; email: string }) {
  const t = useTranslations("People");
  const validation = useTranslations("Validation");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const [heir, setHeir] = useState<PickedPerson[]>([]);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const fieldError = error?.fieldErrors?.newOwnerId;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setHeir([]);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="transfer-mailbox">
          <ArrowRightLeftIcon />
          {t("transfer")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("transferTitle", { email })}</DialogTitle>
          <DialogDescription>{t("transferHint")}</DialogDescription>
        </DialogHeader>
        <PeoplePicker value={heir} onChange={setHeir} single triggerLabel={t("chooseNewOwner")} />
        {fieldError && (
          <p className="text-sm text-destructive" role="alert">
            {validation.has(fieldError) ? validation(fieldError as "invalid") : validation("invalid")}
          </p>
        )}
        <PeopleErrorAlert error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            disabled={pending || heir.length === 0}
            onClick={() => save(() => transferMailboxAction({ mailboxId, newOwnerId: heir[0]!.id }))}
            data-testid="confirm-transfer"
          >
            {t("transfer")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
