import { PhoneIcon, ServerIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { numbersOverview } from "@/lib/telephony/numbers";
import { ConnectionDialog } from "./_components/connection-dialog";
import { NumberDialog } from "./_components/number-dialog";
import { ConnectionRowActions, NumberRowActions } from "./_components/row-actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/numbers">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "TelephonyPages" }))("numbersTitle") };
}

export default async function NumbersPage({ params }: PageProps<"/[locale]/telephony/numbers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSection("telephonyNumbers");
  const { numbers, connections, defaultNumberId } = await numbersOverview(db);
  const t = await getTranslations("TelephonyPages");
  const choices = connections.map(({ id, name }) => ({ id, name }));

  return (
    <>
      <PageHeader title={t("numbersTitle")} description={t("numbersSubtitle")} />
      <Card className="overflow-hidden">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>{t("rentedNumbers")}</CardTitle>
          <NumberDialog connections={choices} />
        </CardHeader>
        {numbers.length === 0 ? (
          <EmptyState icon={<PhoneIcon />} title={t("numbersEmpty")} hint={t("numbersEmptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("number")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("label")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("connection")}</TableHead>
                <TableHead>{t("usage")}</TableHead>
                <TableHead className="w-24">
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {numbers.map((number) => (
                <TableRow key={number.id} data-testid="number-row">
                  <TableCell className="whitespace-nowrap font-medium">
                    <span dir="ltr">{number.number}</span>
                    <div className="truncate text-xs font-normal text-muted-foreground sm:hidden">{number.label}</div>
                  </TableCell>
                  <TableCell className="hidden max-w-56 truncate sm:table-cell">{number.label ?? "—"}</TableCell>
                  <TableCell className="hidden md:table-cell">
                    {number.connection?.name ?? <span className="text-muted-foreground">{t("noConnection")}</span>}
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      {number.id === defaultNumberId && <Badge>{t("isCompanyDefault")}</Badge>}
                      {number._count.usedBy > 0 && (
                        <Badge variant="secondary">{t("usedByUsers", { count: number._count.usedBy })}</Badge>
                      )}
                      {number.id !== defaultNumberId && number._count.usedBy === 0 && (
                        <span className="text-sm text-muted-foreground">{t("notInUse")}</span>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    <NumberRowActions
                      number={{
                        id: number.id,
                        number: number.number,
                        label: number.label,
                        connectionId: number.connection?.id ?? null,
                      }}
                      connections={choices}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Card className="overflow-hidden">
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>{t("connections")}</CardTitle>
          <ConnectionDialog />
        </CardHeader>
        {connections.length === 0 ? (
          <EmptyState icon={<ServerIcon />} title={t("connectionsEmpty")} hint={t("connectionsEmptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("connectionName")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("host")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("login")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("rentedNumbers")}</TableHead>
                <TableHead className="w-24">
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {connections.map((connection) => (
                <TableRow key={connection.id} data-testid="connection-row">
                  <TableCell className="font-medium">
                    {connection.name}
                    <div className="truncate text-xs font-normal text-muted-foreground sm:hidden" dir="ltr">
                      {connection.host}:{connection.port}
                    </div>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell" dir="ltr">
                    {connection.host}:{connection.port}
                  </TableCell>
                  <TableCell className="hidden max-w-48 truncate md:table-cell" dir="ltr">
                    {connection.login}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {t("numbersOnConnection", { count: connection._count.numbers })}
                  </TableCell>
                  <TableCell>
                    <ConnectionRowActions
                      connection={{
                        id: connection.id,
                        name: connection.name,
                        host: connection.host,
                        port: connection.port,
                        login: connection.login,
                      }}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
