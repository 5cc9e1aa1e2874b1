"use client";
import { UnplugIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
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
import { useRouter } from "@/lib/i18n/navigation";
import { disconnectMailboxAction } from "../../../_lib/mailbox-actions";

export function DisconnectButton({ mailboxId, email }: { mailboxId: number; email: string }) {
  const t = useTranslations("MailboxSettings");
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" className="text-destructive" data-testid="disconnect">
          <UnplugIcon /> {t("disconnect")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("disconnectTitle", { email })}</DialogTitle>
          <DialogDescription>{t("disconnectText")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {common("cancel")}
          </Button>
          <Button
            variant="destructive"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await disconnectMailboxAction({ mailboxId });
                if (!result.ok) return void toast.error(errors(result.error.code));
                toast.success(t("disconnected", { email }));
                router.push("/webmail/my");
              })
            }
          >
            {t("disconnectConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
