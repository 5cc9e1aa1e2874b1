import { HistoryIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { PageHeader } from "@/components/shell/app-shell";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { auditActors, auditEntityTypes, listAuditEvents } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { fullName } from "@/lib/utils";
import { ChangeSummaryList } from "./_components/change-summary";
import { auditActionLabel, auditEntityLabel } from "./_lib/action-label";
import { AUDIT_PER_PAGE, auditSearchCache } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/audit">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Audit" }))("title") };
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSection("audit");
  const raw = await searchParams;
  const filter = auditSearchCache.parse(raw);
  const page = Math.max(1, filter.page);
  const [{ total, rows }, actors, entityTypes] = await Promise.all([
    listAuditEvents(db, {
      actorId: filter.actor,
      entityType: filter.entity,
      from: filter.from,
      to: filter.to,
      page,
      perPage: AUDIT_PER_PAGE,
    }),
    auditActors(db),
    auditEntityTypes(db),
  ]);
  const t = await getTranslations("Audit");
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card className="p-3">
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end"
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="audit-actor">{t("actor")}</Label>
            <NativeSelect id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
              <option value="">{t("anyone")}</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {fullName(actor)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="audit-entity">{t("entity")}</Label>
            <NativeSelect id="audit-entity" name="entity" defaultValue={filter.entity ?? ""}>
              <option value="">{t("anything")}</option>
              {entityTypes.map((type) => (
                <option key={type} value={type}>
                  {auditEntityLabel(t, type)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="audit-from">{t("from")}</Label>
            <Input id="audit-from" name="from" type="date" defaultValue={isoDay(filter.from)} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="audit-to">{t("to")}</Label>
            <Input id="audit-to" name="to" type="date" defaultValue={isoDay(filter.to)} />
          </div>
          <Button type="submit">{t("apply")}</Button>
        </form>
      </Card>
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon={<HistoryIcon />} title={t("empty")} hint={t("emptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("when")}</TableHead>
                <TableHead>{t("actor")}</TableHead>
                <TableHead>{t("what")}</TableHead>
                <TableHead>{t("changes")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((event) => (
                <TableRow key={String(event.id)} data-testid="audit-row" className="align-top">
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {format.dateTime(event.at, { dateStyle: "medium", timeStyle: "short" })}
                  </TableCell>
                  <TableCell>
                    {event.actor ? (
                      <span className="flex items-center gap-2 whitespace-nowrap">
                        <UserAvatar user={event.actor} className="size-6 text-[10px]" />
                        {fullName(event.actor)}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">{t("system")}</span>
                    )}
                  </TableCell>
                  <TableCell className="min-w-40">
                    <div className="font-medium">{auditActionLabel(t, event.action)}</div>
                    <div className="text-xs text-muted-foreground">
                      {event.entityType} #{event.entityId}
                    </div>
                  </TableCell>
                  <TableCell>
                    <ChangeSummaryList summary={event.summary} />
                    <Link
                      href={`/audit/${event.id}`}
                      className="mt-1 inline-block text-sm text-primary hover:underline"
                      data-testid="audit-details"
                    >
                      {t("fullChange")}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Pagination pathname="/audit" params={raw} page={page} perPage={AUDIT_PER_PAGE} total={total} />
    </>
  );
}
