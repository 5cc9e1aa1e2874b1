import { ChevronLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSection } from "@/lib/access/request";
import { auditEventById } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { fullName } from "@/lib/utils";
import { parseBigId } from "@/lib/validation";
import { ChangeList } from "../_components/change-list";
import { auditActionLabel, auditEntityLabel } from "../_lib/action-label";

export async function generateMetadata({ params }: PageProps<"/[locale]/audit/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Audit" }))("eventTitle") };
}

/** One audit event with its whole change: the list shows only a summary (lib/audit/summary.ts). */
export default async function AuditEventPage({ params }: PageProps<"/[locale]/audit/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // The list's own check: whoever may not open the audit log gets no event of it either.
  await requireSection("audit");
  const eventId = parseBigId(id);
  const event = eventId === null ? null : await auditEventById(db, eventId);
  if (!event) notFound();
  const t = await getTranslations("Audit");
  const format = await getFormatter();
  return (
    <>
      <div>
        <Button asChild variant="ghost" size="sm" className="-ms-2">
          <Link href="/audit">
            <ChevronLeftIcon className="rtl:rotate-180" /> {t("backToList")}
          </Link>
        </Button>
      </div>
      <PageHeader
        title={auditActionLabel(t, event.action)}
        description={[
          format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" }),
          event.actor ? fullName(event.actor) : t("system"),
          `${auditEntityLabel(t, event.entityType)} #${event.entityId}`,
        ].join(" · ")}
      />
      <Card className="p-4" data-testid="audit-event">
        <ChangeList before={event.before} after={event.after} labels={{ before: t("before"), after: t("after") }} />
      </Card>
    </>
  );
}
