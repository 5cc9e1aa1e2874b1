"use client";
import { ArrowRightLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmPeopleChange } from "../../../_components/confirm-people-change";
import { PeoplePicker, type PickedPerson } from "../../../_components/people-picker";
import { transferMailboxAction } from "../../_lib/actions";

/** Hands one mailbox of a deactivated owner to another employee (both are notified). */
export function TransferMailbox({ mailboxId, email }: { mailboxId: number; email: string }) {
  const t = useTranslations("People");
  const validation = useTranslations("Validation");
  const [heir, setHeir] = useState<PickedPerson[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  return (
    <ConfirmPeopleChange
      trigger={
        <Button size="sm" variant="outline" data-testid="transfer-mailbox">
          <ArrowRightLeftIcon />
          {t("transfer")}
        </Button>
      }
      title={t("transferTitle", { email })}
      description={t("transferHint")}
      confirmLabel={t("transfer")}
      disabled={heir.length === 0}
      onOpen={() => {
        setHeir([]);
        setFieldError(null);
      }}
      run={async () => {
        const result = await transferMailboxAction({ mailboxId, newOwnerId: heir[0]?.id ?? 0 });
        setFieldError(result.ok ? null : (result.error.fieldErrors?.newOwnerId ?? null));
        return result;
      }}
    >
      <PeoplePicker value={heir} onChange={setHeir} single triggerLabel={t("chooseNewOwner")} />
      {fieldError && (
        <p className="text-sm text-destructive" role="alert">
          {validation.has(fieldError) ? validation(fieldError as "invalid") : validation("invalid")}
        </p>
      )}
    </ConfirmPeopleChange>
  );
}
