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
import { useRouter } from "@/lib/i18n/navigation";
import { useDialogSave } from "../../../telephony/_components/use-dialog-save";
import { PeopleErrorAlert } from "../../_components/people-error";
import { deleteWorkGroupAction } from "../_lib/actions";

/** Deletes a workgroup without members, then goes back to the list. */
export function DeleteWorkGroup({ id, name }: { id: number; name: string }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, error, save } = useDialogSave(() => {
    setOpen(false);
    router.push("/company/workgroups");
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="destructive" data-testid="delete-workgroup">
          <Trash2Icon />
          {common("delete")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("deleteWorkGroupOf", { name })}</DialogTitle>
          <DialogDescription>{t("deleteWorkGroupHint")}</DialogDescription>
        </DialogHeader>
        <PeopleErrorAlert error={error} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button variant="destructive" disabled={pending} onClick={() => save(() => deleteWorkGroupAction({ id }))}>
            {common("delete")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
