import { MailIcon, MailOpenIcon, PhoneIncomingIcon, PhoneOutgoingIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineItem } from "@/lib/crm/detail";
import { fullName } from "@/lib/utils";

/** The record's history, newest first: emails (in and out) and calls, in one column. */
export async function Timeline({ items }: { items: TimelineItem[] }) {
  const t = await getTranslations("CrmPages");
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{t("noActivity")}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="timeline">
      {items.map((item) => {
        const Icon =
          item.kind === "email"
            ? item.direction === "in"
              ? MailIcon
              : MailOpenIcon
            : item.direction === "INCOMING"
              ? PhoneIncomingIcon
              : PhoneOutgoingIcon;
        return (
          <li
            key={`${item.kind}-${item.id}`}
            className="flex gap-3 rounded-md border p-3"
            data-testid="timeline-item"
            data-kind={item.kind}
          >
            <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground rtl:-scale-x-100" aria-hidden />
            <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">
                  {item.kind === "email"
                    ? t(item.direction === "in" ? "emailIn" : "emailOut")
                    : t(item.direction === "INCOMING" ? "callIn" : "callOut")}
                </span>
                <time dateTime={item.at.toISOString()} className="text-xs text-muted-foreground tabular-nums">
                  {format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              {item.kind === "email" ? (
                <>
                  <p className="truncate" data-testid="timeline-subject" dir="auto">
                    {item.subject || t("noSubject")}
                  </p>
                  <p className="truncate text-xs text-muted-foreground" dir="ltr">
                    {item.direction === "in" ? item.fromAddress : item.toAddresses.join(", ")}
                  </p>
                  {(item.mailbox || item.responsible) && (
                    <p className="text-xs text-muted-foreground">
                      {item.mailbox && t("viaMailbox", { mailbox: item.mailbox })}
                      {item.mailbox && item.responsible && " · "}
                      {item.responsible && t("forPerson", { name: fullName(item.responsible) })}
                    </p>
                  )}
                </>
              ) : (
                <>
                  <p className="text-xs text-muted-foreground">
                    <span dir="ltr">{item.phoneNumber}</span> · {t(`callStatus.${item.status as "ANSWERED"}`)} ·{" "}
                    {t("seconds", { count: item.durationSeconds })}
                    {item.employee && ` · ${fullName(item.employee)}`}
                  </p>
                  {item.canListen && (
                    // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions
                    <audio
                      controls
                      preload="none"
                      className="h-8 w-full max-w-sm"
                      src={`/api/telephony/recordings/${item.id}`}
                      aria-label={t("playRecording")}
                    />
                  )}
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
