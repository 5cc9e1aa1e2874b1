"use client";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmPeopleChange } from "../../_components/confirm-people-change";
import { deleteDepartmentAction } from "../_lib/actions";

/** Deletes an empty department; a non-empty one is explained, not deleted. */
export function DeleteDepartment({ id, name }: { id: number; name: string }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const label = t("deleteDepartmentOf", { name });
  return (
    <ConfirmPeopleChange
      trigger={
        <Button variant="ghost" size="icon-sm" aria-label={label} title={label} data-testid="delete-department">
          <Trash2Icon />
        </Button>
      }
      title={label}
      description={t("deleteDepartmentHint")}
      confirmLabel={common("delete")}
      destructive
      run={() => deleteDepartmentAction({ id })}
    />
  );
}
