"use client";
import { UserCheckIcon, UserXIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmPeopleChange } from "../../../_components/confirm-people-change";
import { deactivateUserAction, reactivateUserAction } from "../../_lib/actions";

/** Deactivate (with what it means spelled out) or reactivate one person. */
export function StatusButton({ userId, name, deactivated }: { userId: number; name: string; deactivated: boolean }) {
  const t = useTranslations("People");
  return (
    <ConfirmPeopleChange
      trigger={
        <Button
          size="sm"
          variant={deactivated ? "outline" : "destructive"}
          data-testid={deactivated ? "reactivate" : "deactivate"}
        >
          {deactivated ? <UserCheckIcon /> : <UserXIcon />}
          {deactivated ? t("reactivate") : t("deactivate")}
        </Button>
      }
      title={deactivated ? t("reactivateTitle", { name }) : t("deactivateTitle", { name })}
      description={deactivated ? t("reactivateHint") : t("deactivateHint")}
      confirmLabel={deactivated ? t("reactivate") : t("deactivate")}
      destructive={!deactivated}
      run={() => (deactivated ? reactivateUserAction({ id: userId }) : deactivateUserAction({ id: userId }))}
    />
  );
}
