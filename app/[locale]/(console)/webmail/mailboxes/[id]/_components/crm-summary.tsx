import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { CrmMailboxSummary } from "@/lib/crm/mailbox-summary";
import { Link } from "@/lib/i18n/navigation";

/** What the CRM made of this mailbox's mail lately (issue #12): counts, last run, failures. */
export async function CrmSummary({ summary }: { summary: CrmMailboxSummary }) {
  const t = await getTranslations("Crm.summary");
  const format = await getFormatter();
  const now = new Date();
  const cells = [
    ["messages", summary.messages],
    ["leads", summary.leads],
    ["contacts", summary.contacts],
    ["activities", summary.activities],
    ["blacklisted", summary.blacklisted],
    ["failed", summary.failed],
  ] as const;
  return (
    <Card className="flex flex-col gap-3 p-4" data-testid="crm-summary">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
          {t("title", { days: summary.days })}
        </h2>
        <Link href="/crm/leads" className="text-sm underline">
          {t("openCrm")}
        </Link>
      </div>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        {cells.map(([key, value]) => (
          <div key={key} data-testid={`crm-${key}`}>
            <dt className="text-muted-foreground">{t(key)}</dt>
            <dd
              className={
                key === "failed" && value > 0 ? "font-semibold text-destructive" : "font-semibold tabular-nums"
              }
            >
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">
        {summary.lastRunAt
          ? t("lastRun", { when: format.relativeTime(new Date(summary.lastRunAt), now) })
          : t("neverRun")}
        {summary.backfillPending && ` · ${t("backfillPending")}`}
      </p>
      {summary.lastErrorAt && (
        <p className="text-xs text-destructive" data-testid="crm-last-error">
          {t("lastError", { when: format.relativeTime(new Date(summary.lastErrorAt), now) })}
        </p>
      )}
    </Card>
  );
}
