"use client";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { SyncNowButton } from "../../_components/sync-status";
import { setCrmEnabledAction } from "../_lib/grid-actions";

/** Actions on the selected rows (SPEC §2.3): sync now, CRM on or off. */
export function BulkBar({
  selected,
  canCrm,
  onQueued,
  onClear,
}: {
  selected: number[];
  canCrm: boolean;
  onQueued: (ids: number[]) => void;
  onClear: () => void;
}) {
  const t = useTranslations("Grid");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const crm = (enabled: boolean) =>
    startTransition(async () => {
      const result = await setCrmEnabledAction({ mailboxIds: selected, enabled });
      if (!result.ok) return void toast.error(errors(result.error.code));
      toast.success(t(enabled ? "crmEnabled" : "crmDisabled", { count: result.data.changed }));
      router.refresh();
    });
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border bg-accent/60 px-3 py-2 text-sm"
      role="region"
      aria-label={t("bulkActions")}
      data-testid="bulk-bar"
    >
      <span className="font-medium">{t("selected", { count: selected.length })}</span>
      <SyncNowButton mailboxIds={selected} onQueued={onQueued} />
      {canCrm && (
        <>
          <Button variant="outline" size="sm" disabled={pending} onClick={() => crm(true)} data-testid="bulk-crm-on">
            {t("crmOn")}
          </Button>
          <Button variant="outline" size="sm" disabled={pending} onClick={() => crm(false)} data-testid="bulk-crm-off">
            {t("crmOff")}
          </Button>
        </>
      )}
      <Button variant="ghost" size="sm" className="ms-auto" onClick={onClear}>
        {t("clearSelection")}
      </Button>
    </div>
  );
}
