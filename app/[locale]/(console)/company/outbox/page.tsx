import { MailCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { PageHeader } from "@/components/shell/app-shell";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { consoleMailSettings } from "@/lib/env";
import { outboxSearchCache } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/outbox">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "People" }))("outboxTitle") };
}

const PER_PAGE = 20;
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** A plain-text mail with its links clickable (the invitation link is what admins follow). */
function MailText({ text }: { text: string }) {
  // Each part is keyed by where it starts in the text: unique, and stable for one message.
  let offset = 0;
  const parts = text.split(URL_PATTERN).map((part, index) => {
    const start = offset;
    offset += part.length;
    return { part, start, isLink: index % 2 === 1 };
  });
  return (
    <p className="whitespace-pre-wrap break-words text-sm">
      {parts.map(({ part, start, isLink }) =>
        isLink ? (
          <a key={`link-${start}`} href={part} className="text-primary underline" dir="ltr" data-testid="outbox-link">
            {part}
          </a>
        ) : (
          <span key={`text-${start}`}>{part}</span>
        ),
      )}
    </p>
  );
}

/** What the console itself sent through its local SMTP catcher: invitations and notification mails. */
export default async function OutboxPage({ params, searchParams }: PageProps<"/[locale]/company/outbox">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSection("outbox");
  const raw = await searchParams;
  const { page } = outboxSearchCache.parse(raw);
  const [total, messages] = await db.$transaction([
    db.outboxMessage.count(),
    db.outboxMessage.findMany({ orderBy: { id: "desc" }, skip: (page - 1) * PER_PAGE, take: PER_PAGE }),
  ]);
  const t = await getTranslations("People");
  const format = await getFormatter();
  const settings = consoleMailSettings();
  return (
    <>
      <PageHeader
        title={t("outboxTitle")}
        description={
          settings.usesCatcher ? t("outboxSubtitle", { port: settings.catcherPort }) : t("outboxSubtitleSmtp")
        }
      />
      {messages.length === 0 ? (
        <Card>
          <EmptyState icon={<MailCheckIcon />} title={t("outboxEmpty")} hint={t("outboxEmptyHint")} />
        </Card>
      ) : (
        <ul className="flex flex-col gap-2">
          {messages.map((message) => (
            <li key={message.id}>
              <Card className="p-0" data-testid="outbox-message">
                <details className="group">
                  <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 p-3 sm:p-4">
                    <span className="min-w-0 flex-1 truncate font-medium">{message.subject || t("noSubject")}</span>
                    <span className="truncate text-sm text-muted-foreground" dir="ltr">
                      {message.to.join(", ")}
                    </span>
                    <time className="text-xs text-muted-foreground" dateTime={message.receivedAt.toISOString()}>
                      {format.dateTime(message.receivedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </summary>
                  <div className="border-t p-3 sm:p-4">
                    <MailText text={message.text} />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination pathname="/company/outbox" params={raw} page={page} perPage={PER_PAGE} total={total} />
    </>
  );
}
