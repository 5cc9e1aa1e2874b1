import { getTranslations } from "next-intl/server";
import type { ChangeSummary, ValuePreview } from "@/lib/audit/summary";

/**
 * The list's account of a change: the changed fields with their values cut short (the summary is
 * made in the database, lib/audit/summary.ts); the whole change is on the event's own page.
 */
export async function ChangeSummaryList({ summary }: { summary: ChangeSummary }) {
  const t = await getTranslations("Audit");
  // The count is in the reader's language inside a left-to-right JSON line: isolated, so an
  // Arabic "(5,000 عنصر)" keeps its own order.
  const show = (value: ValuePreview | null) =>
    value === null ? (
      "—"
    ) : (
      <>
        {value.text}
        {value.truncated && "…"}
        {value.entries !== null && <bdi> ({t("entries", { count: value.entries })})</bdi>}
      </>
    );
  if (summary.total === 0) return <span className="text-xs text-muted-foreground">{t("noChanges")}</span>;
  return (
    <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs" dir="ltr" data-testid="audit-summary">
      {summary.fields.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-mono text-muted-foreground">{change.field || "·"}</dt>
          <dd className="break-all">
            <span className="text-destructive line-through" title={t("before")}>
              {show(change.before)}
            </span>{" "}
            →{" "}
            <span className="text-[oklch(0.42_0.12_150)]" title={t("after")}>
              {show(change.after)}
            </span>
          </dd>
        </div>
      ))}
      {summary.total > summary.fields.length && (
        <div className="col-span-2 text-muted-foreground" dir="auto">
          {t("moreFields", { count: summary.total - summary.fields.length })}
        </div>
      )}
    </dl>
  );
}
