"use client";
// recharts is large: this module is loaded on its own (next/dynamic in call-stats.tsx), after the
// rows and figures are on screen, so the page's first JavaScript stays small.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayStats } from "@/lib/telephony/calls/query";

export default function CallsChart({ days }: { days: DayStats[] }) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  const rtl = useLocale() === "ar";
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    // The SVG is laid out left to right in every locale (text anchors would flip under dir="rtl" and
    // put the axis labels over the bars); for Arabic the time axis runs right to left instead.
    <figure dir="ltr" className="h-56 min-h-56 w-full flex-1" data-testid="calls-chart" aria-label={t("chartLabel")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={label} reversed={rtl} tickLine={false} fontSize={12} minTickGap={12} />
          <YAxis allowDecimals={false} orientation={rtl ? "right" : "left"} width={32} tickLine={false} fontSize={12} />
          <Tooltip labelFormatter={(day) => label(String(day))} />
          <Legend />
          <Bar dataKey="answered" name={t("stats.answered")} stackId="calls" fill="var(--color-success)" />
          <Bar dataKey="missed" name={t("stats.missed")} stackId="calls" fill="var(--color-destructive)" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
