import { InboxIcon, MailIcon, PenSquareIcon, SearchXIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { SearchBox } from "@/components/data/search-box";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { canUseCrm } from "@/lib/access/crm-rights";
import { requireSignedIn } from "@/lib/access/request";
import { Link } from "@/lib/i18n/navigation";
import { MESSAGE_FILTERS } from "@/lib/mail/reader/filters";
import { PAGE_SIZE, SEARCH_COUNT_LIMIT } from "@/lib/mail/reader/list";
import { cn } from "@/lib/utils";
import { FolderNav } from "./_components/folder-nav";
import { MessageList } from "./_components/message-list";
import { MessageView } from "./_components/message-view";
import { NavSelect } from "./_components/nav-select";
import { folderView, mailboxChoices, messageView, syncOnOpen } from "./_lib/queries";
import { viewParams } from "./_lib/schemas";
import { mailHref } from "./_lib/urls";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/mail">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Mail" }))("title") };
}

export default async function MailPage({ params, searchParams }: PageProps<"/[locale]/webmail/mail">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSignedIn();
  const t = await getTranslations("Mail");
  const view = viewParams.parse(await searchParams);
  const mailboxes = await mailboxChoices(access);
  const mailbox = view.mailbox ? mailboxes.find((item) => item.id === view.mailbox) : mailboxes[0];
  // Not theirs to read, whoever they are (admins and heads included): the same as not existing.
  if (view.mailbox && !mailbox) notFound();
  if (!mailbox) {
    return (
      <Card>
        <h1 className="sr-only">{t("title")}</h1>
        <EmptyState icon={<InboxIcon />} title={t("noMailboxes")} hint={t("noMailboxesHint")} titleAs="p" />
      </Card>
    );
  }
  await syncOnOpen(access, mailbox);
  const { folders, folder, list } = await folderView(mailbox.id, view);
  const state = { mailbox: mailbox.id, folder: folder?.id, q: view.q, filter: view.filter, page: view.page };
  const opened =
    folder && view.message ? await messageView(access, mailbox.id, folder.id, view.message, view.images === "1") : null;
  // The whole path ("Archive / 2025"): a parent that cannot be selected is not listed to show it.
  const folderLabel = (item: { path: string; delimiter: string | null }) =>
    item.path.toUpperCase() === "INBOX"
      ? t("inbox")
      : item.delimiter
        ? item.path.split(item.delimiter).join(" / ")
        : item.path;
  const folderItems = folders.map((item) => ({
    id: item.id,
    label: folderLabel(item),
    unseen: item.unseen,
    href: mailHref({ mailbox: mailbox.id, folder: item.id }),
  }));
  const moveTargets = folders.map((item) => ({ id: item.id, name: folderLabel(item) }));
  const composeBase = `/webmail/mail/compose?mailbox=${mailbox.id}`;
  const hasMessage = Boolean(view.message);

  return (
    <div className="flex flex-col gap-3">
      <div className={cn("flex flex-wrap items-center gap-2", hasMessage && "max-lg:hidden")}>
        <h1 className="me-auto text-xl font-semibold tracking-tight">{t("title")}</h1>
        <NavSelect
          label={t("switchMailbox")}
          testId="mailbox-switch"
          value={mailHref({ mailbox: mailbox.id })}
          options={mailboxes.map((item) => ({
            label:
              item.unreadCount > 0
                ? `${item.email} (${item.unreadCount > 999 ? "999+" : item.unreadCount})`
                : item.email,
            href: mailHref({ mailbox: item.id }),
          }))}
          className="max-w-64"
        />
        <Button asChild>
          <Link href={composeBase}>
            <PenSquareIcon /> {t("compose")}
          </Link>
        </Button>
      </div>
      <Card className="grid min-h-[70vh] overflow-hidden lg:grid-cols-[13rem_22rem_1fr] xl:grid-cols-[15rem_26rem_1fr]">
        <div className="border-e max-lg:hidden">
          <FolderNav folders={folderItems} activeId={folder?.id} />
        </div>
        <section
          aria-label={t("messages")}
          className={cn("flex min-w-0 flex-col border-e", hasMessage && "max-lg:hidden")}
        >
          <div className="flex flex-col gap-2 border-b p-2">
            {folder && (
              <NavSelect
                label={t("folder")}
                value={mailHref({ mailbox: mailbox.id, folder: folder.id })}
                options={folderItems.map((item) => ({
                  label: item.unseen ? `${item.label} (${item.unseen})` : item.label,
                  href: item.href,
                }))}
                className="lg:hidden"
              />
            )}
            <SearchBox label={t("search")} placeholder={t("searchPlaceholder")} className="sm:w-full" />
            <div className="flex gap-1" role="group" aria-label={t("filter")}>
              {MESSAGE_FILTERS.map((filter) => (
                <Button key={filter} asChild size="sm" variant={view.filter === filter ? "secondary" : "ghost"}>
                  <Link
                    href={mailHref(state, { filter, page: 1, message: undefined })}
                    aria-current={view.filter === filter ? "true" : undefined}
                  >
                    {t(`filters.${filter}`)}
                  </Link>
                </Button>
              ))}
            </div>
          </div>
          {!folder ? (
            <EmptyState icon={<MailIcon />} title={t("notSynced")} hint={t("notSyncedHint")} />
          ) : list.items.length === 0 ? (
            <EmptyState
              icon={view.q || view.filter !== "all" ? <SearchXIcon /> : <MailIcon />}
              title={view.q || view.filter !== "all" ? t("noMatches") : t("emptyFolder")}
            />
          ) : (
            <MessageList
              mailboxId={mailbox.id}
              folderId={folder.id}
              folders={moveTargets}
              items={list.items.map((item) => ({
                uid: item.uid,
                subject: item.subject,
                from: item.fromName || item.fromAddress || t("unknownSender"),
                date: item.date?.toISOString() ?? null,
                seen: item.seen,
                flagged: item.flagged,
                href: mailHref(state, { message: item.uid }),
                active: item.uid === view.message,
              }))}
            />
          )}
          {list.capped && (
            <p className="border-t p-2 text-xs text-muted-foreground" role="status">
              {t("manyMatches", { count: SEARCH_COUNT_LIMIT })}
            </p>
          )}
          {folder && list.total > PAGE_SIZE && (
            <div className="mt-auto border-t p-2">
              <Pagination
                pathname="/webmail/mail"
                params={{ ...stringParams(state) }}
                page={view.page}
                perPage={PAGE_SIZE}
                total={list.total}
              />
            </div>
          )}
        </section>
        <section aria-label={t("reading")} className={cn("min-w-0", !hasMessage && "max-lg:hidden")}>
          {opened && "error" in opened ? (
            <EmptyState title={t("serverUnavailable")} hint={t("serverUnavailableHint")} />
          ) : opened && folder && view.message ? (
            <MessageView
              refs={{ mailbox: mailbox.id, folder: folder.id, message: view.message }}
              message={opened.message}
              flagged={opened.flagged}
              seen={opened.seen}
              remoteAllowed={opened.remoteAllowed}
              blockedRemote={opened.blockedRemote}
              folders={moveTargets}
              listHref={mailHref(state)}
              imagesHref={mailHref({ ...state, message: view.message }, { images: "1" })}
              composeBase={`${composeBase}&folder=${folder.id}&uid=${view.message}`}
              crm={
                canUseCrm(access)
                  ? {
                      me: { id: viewer.id, firstName: viewer.firstName, lastName: viewer.lastName },
                      message: { mailboxId: mailbox.id, folderPath: folder.path, uid: view.message },
                    }
                  : undefined
              }
            />
          ) : (
            <EmptyState icon={<MailIcon />} title={t("noMessageSelected")} />
          )}
        </section>
      </Card>
    </div>
  );
}

function stringParams(state: Record<string, string | number | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(state)
      .filter(
        ([key, value]) =>
          value !== undefined && value !== "" && !(key === "filter" && value === "all") && key !== "page",
      )
      .map(([key, value]) => [key, String(value)]),
  );
}
