import { ReceiptIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { balanceByCurrency, ledgerPage } from "@/lib/telephony/balance";
import { cn } from "@/lib/utils";
import { EntryDialog } from "./_components/entry-dialog";
import { LEDGER_PER_PAGE, ledgerSearchCache } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/balance">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "TelephonyPages" }))("balanceTitle") };
}

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const kindVariant = { TOP_UP: "success", CALL_CHARGE: "secondary", ADJUSTMENT: "warning" } as const;

export default async function BalancePage({ params, searchParams }: PageProps<"/[locale]/telephony/balance">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("telephonyBalance");
  const raw = await searchParams;
  const filter = ledgerSearchCache.parse(raw);
  const page = Math.max(1, filter.page);
  const [totals, { total, rows }] = await Promise.all([
    balanceByCurrency(db),
    ledgerPage(db, { from: filter.from, to: filter.to, page, perPage: LEDGER_PER_PAGE }),
  ]);
  const t = await getTranslations("TelephonyPages");
  const format = await getFormatter();
  const money = (cents: number, currency: string) =>
    format.number(cents / 100, { style: "currency", currency, signDisplay: "auto" });
  const filtered = Boolean(filter.from || filter.to);

  return (
    <>
      <PageHeader
        title={t("balanceTitle")}
        description={t("balanceSubtitle")}
        actions={access.isPortalAdmin ? <EntryDialog currency={totals[0]?.currency ?? "EUR"} /> : undefined}
      />
      <Card className="p-5" data-testid="balance-totals">
        <h2 className="text-sm font-medium text-muted-foreground">{t("currentBalance")}</h2>
        {totals.length === 0 ? (
          <p className="mt-1 text-sm">{t("noBalance")}</p>
        ) : (
          <div className="mt-1 flex flex-wrap gap-x-8 gap-y-2">
            {totals.map((row) => (
              <p
                key={row.currency}
                className={cn("text-3xl font-semibold tabular-nums", row.amountCents < 0 && "text-destructive")}
                data-testid="balance-total"
                data-currency={row.currency}
                data-cents={row.amountCents}
              >
                {money(row.amountCents, row.currency)}
              </p>
            ))}
          </div>
        )}
      </Card>
      <Card className="overflow-hidden">
        <CardHeader className="gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>{t("ledger")}</CardTitle>
            <span className="text-sm text-muted-foreground" data-testid="ledger-count">
              {t("entryCount", { count: total })}
            </span>
          </div>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="ledger-from">{t("from")}</Label>
              <Input id="ledger-from" name="from" type="date" className="w-40" defaultValue={isoDay(filter.from)} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="ledger-to">{t("to")}</Label>
              <Input id="ledger-to" name="to" type="date" className="w-40" defaultValue={isoDay(filter.to)} />
            </div>
            <Button type="submit" variant="secondary">
              {t("filter")}
            </Button>
            {filtered && (
              <Button asChild variant="ghost">
                <Link href="/telephony/balance">{t("clearFilter")}</Link>
              </Button>
            )}
          </form>
        </CardHeader>
        {rows.length === 0 ? (
          <EmptyState icon={<ReceiptIcon />} title={t("ledgerEmpty")} hint={t("ledgerEmptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("date")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("kind")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("description")}</TableHead>
                <TableHead className="text-end">{t("amount")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((entry) => (
                <TableRow key={entry.id} data-testid="ledger-row">
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
                    {/* On phones the type goes under the date, so the amount keeps its column. */}
                    <div className="text-xs text-foreground sm:hidden">{t(`kinds.${entry.kind}`)}</div>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <Badge variant={kindVariant[entry.kind]}>{t(`kinds.${entry.kind}`)}</Badge>
                  </TableCell>
                  <TableCell className="hidden max-w-md truncate md:table-cell">
                    {entry.description}
                    {entry.callId !== null && (
                      <span className="ms-2 text-xs text-muted-foreground">{t("callRef", { id: entry.callId })}</span>
                    )}
                  </TableCell>
                  <TableCell
                    className={cn(
                      "whitespace-nowrap text-end tabular-nums",
                      entry.amountCents < 0 && "text-destructive",
                    )}
                  >
                    <span dir="ltr">{money(entry.amountCents, entry.currency)}</span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Pagination pathname="/telephony/balance" params={raw} page={page} perPage={LEDGER_PER_PAGE} total={total} />
    </>
  );
}
