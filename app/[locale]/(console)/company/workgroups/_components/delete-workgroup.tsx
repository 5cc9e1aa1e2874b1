"use client";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { ConfirmPeopleChange } from "../../_components/confirm-people-change";
import { deleteWorkGroupAction } from "../_lib/actions";

/** Deletes a workgroup without members, then goes back to the list. */
export function DeleteWorkGroup({ id, name }: { id: number; name: string }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const router = useRouter();
  return (
    <ConfirmPeopleChange
      trigger={
        <Button size="sm" variant="destructive" data-testid="delete-workgroup">
          <Trash2Icon />
          {common("delete")}
        </Button>
      }
      title={t("deleteWorkGroupOf", { name })}
      description={t("deleteWorkGroupHint")}
      confirmLabel={common("delete")}
      destructive
      run={() => deleteWorkGroupAction({ id })}
      onDone={() => router.push("/company/workgroups")}
    />
  );
}
