"use client";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CallStatistics } from "@/lib/telephony/calls/query";
import { fullName } from "@/lib/utils";
import { durationText } from "./columns";

const CallsChart = dynamic(() => import("./calls-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});

/** The figures over the same scoped, filtered calls as the rows below. */
export function CallStats({
  statistics,
  onEmployee,
}: {
  statistics: CallStatistics;
  onEmployee: (id: number) => void;
}) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  const { totals } = statistics;
  const figures = [
    ["calls", format.number(totals.calls)],
    ["answered", format.number(totals.answered)],
    ["missed", format.number(totals.missed)],
    ["totalDuration", durationText(Math.round(totals.totalSeconds))],
    ["averageDuration", durationText(Math.round(totals.averageSeconds))],
  ] as const;
  return (
    <section className="flex flex-col gap-3" data-testid="call-stats">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map(([key, value]) => (
          <Card key={key} className="px-4 py-3">
            <dt className="text-sm text-muted-foreground">{t(`stats.${key}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`stat-${key}`}>
              {value}
            </dd>
          </Card>
        ))}
      </dl>
      <div className="grid gap-3 lg:grid-cols-[3fr_2fr]">
        <Card className="flex flex-col p-3">
          <h2 className="mb-2 text-sm font-semibold">{t("stats.perDay")}</h2>
          <CallsChart days={statistics.days} />
        </Card>
        <Card className="overflow-x-auto">
          <h2 className="px-3 pt-3 text-sm font-semibold">{t("stats.perEmployee")}</h2>
          <Table data-testid="per-employee">
            <TableHeader>
              <TableRow>
                <TableHead>{t("stats.employee")}</TableHead>
                <TableHead className="text-end">{t("stats.calls")}</TableHead>
                <TableHead className="text-end">{t("stats.answered")}</TableHead>
                <TableHead className="text-end">{t("stats.missed")}</TableHead>
                <TableHead className="text-end">{t("stats.totalDuration")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {statistics.employees.map((row) => {
                const name =
                  row.employeeId === null
                    ? t("noEmployee")
                    : fullName({ firstName: row.firstName ?? "", lastName: row.lastName ?? "" });
                return (
                  <TableRow
                    key={row.employeeId ?? "none"}
                    data-testid="per-employee-row"
                    data-employee-id={row.employeeId ?? ""}
                  >
                    <TableCell className="max-w-48 truncate">
                      {row.employeeId === null ? (
                        name
                      ) : (
                        <button
                          type="button"
                          className="text-start hover:underline"
                          onClick={() => onEmployee(row.employeeId as number)}
                          aria-label={t("stats.filterBy", { name })}
                        >
                          {name}
                        </button>
                      )}
                    </TableCell>
                    <TableCell className="text-end tabular-nums">{format.number(row.calls)}</TableCell>
                    <TableCell className="text-end tabular-nums">{format.number(row.answered)}</TableCell>
                    <TableCell className="text-end tabular-nums">{format.number(row.missed)}</TableCell>
                    <TableCell className="text-end tabular-nums">{durationText(row.totalSeconds)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      </div>
    </section>
  );
}
