"use client";
import { UnplugIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRouter } from "@/lib/i18n/navigation";
import { disconnectMailboxAction } from "../../../_lib/mailbox-actions";

export function DisconnectButton({ mailboxId, email }: { mailboxId: number; email: string }) {
  const t = useTranslations("MailboxSettings");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" className="text-destructive" data-testid="disconnect">
          <UnplugIcon /> {t("disconnect")}
        </Button>
      }
      title={t("disconnectTitle", { email })}
      description={t("disconnectText")}
      confirmLabel={t("disconnectConfirm")}
      run={() => disconnectMailboxAction({ mailboxId })}
      onDone={() => {
        toast.success(t("disconnected", { email }));
        router.push("/webmail/my");
      }}
    />
  );
}
