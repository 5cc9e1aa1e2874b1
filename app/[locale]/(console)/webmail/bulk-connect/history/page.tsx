import { HistoryIcon } from "lucide-react";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { requireSignedIn } from "@/lib/access/request";
import { db } from "@/lib/db";
import { bulkRuns } from "@/lib/mailboxes/bulk-history";
import { fullName } from "@/lib/utils";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/webmail/bulk-connect/history">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "BulkConnect" }))("historyTitle") };
}

const statusVariant = { RUNNING: "default", DONE: "success", INTERRUPTED: "warning" } as const;

export default async function BulkHistoryPage({ params }: PageProps<"/[locale]/webmail/bulk-connect/history">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSignedIn();
  if (!canConnectForOthers(access) && !access.isPortalAdmin) forbidden();
  const runs = await bulkRuns(db, access);
  const t = await getTranslations("BulkConnect");
  const mailErrors = await getTranslations("MailErrors");
  const format = await getFormatter();
  const reason = (value: string | null) =>
    value && t.has(`reasons.${value}`)
      ? t(`reasons.${value}` as "reasons.outOfScope")
      : value && mailErrors.has(value)
        ? mailErrors(value as "TIMEOUT")
        : (value ?? "");
  return (
    <>
      <PageHeader title={t("historyTitle")} description={t("historySubtitle")} />
      {runs.length === 0 ? (
        <Card>
          <EmptyState icon={<HistoryIcon />} title={t("noRuns")} />
        </Card>
      ) : (
        runs.map((run) => (
          <Card key={run.id} className="p-4" data-testid="bulk-run">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1">
                <span className="font-medium">
                  {format.dateTime(run.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
                <span className="text-sm text-muted-foreground">{run.actor ? fullName(run.actor) : "—"}</span>
                <span className="text-sm" dir="ltr">
                  @{run.domain} · {run.imapHost}:{run.imapPort}
                </span>
                <Badge variant={statusVariant[run.status]}>{t(`statuses.${run.status}`)}</Badge>
                <span className="text-sm">
                  {t("counts", { connected: run.connected, failed: run.failed, total: run.total })}
                </span>
              </summary>
              <table className="mt-3 w-full text-sm">
                <tbody>
                  {run.rows.map((row) => (
                    <tr key={row.id} className="border-t">
                      <td className="py-1.5 pe-3">{row.user ? fullName(row.user) : "—"}</td>
                      <td className="py-1.5 pe-3" dir="ltr">
                        {row.email}
                      </td>
                      <td className="py-1.5">
                        {row.outcome === "CONNECTED"
                          ? t("connected")
                          : row.outcome === "PENDING"
                            ? t("notFinished")
                            : reason(row.reason)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </Card>
        ))
      )}
    </>
  );
}
