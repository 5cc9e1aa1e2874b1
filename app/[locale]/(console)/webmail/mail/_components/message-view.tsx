import { ArrowLeftIcon, ImageOffIcon, PaperclipIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { MessageRef } from "@/lib/crm/schemas";
import { Link } from "@/lib/i18n/navigation";
import { FRAME_SANDBOX } from "@/lib/mail/reader/frame";
import type { MessageAddress, ParsedMessage } from "@/lib/mail/reader/parse";
import { megabytes } from "@/lib/utils";
import { LinkMessageDialog } from "../../../crm/_components/link-message-dialog";
import type { Person } from "../../../crm/_components/responsible-field";
import { TaskDialog } from "../../../crm/_components/task-dialog";
import { attachmentHref, frameSrc } from "../_lib/urls";
import { AllowSenderButton, MarkRead, MessageActions } from "./message-actions";

const person = (entry: MessageAddress) => (entry.name ? `${entry.name} <${entry.address}>` : entry.address);

export async function MessageView({
  refs,
  message,
  flagged,
  seen,
  remoteAllowed,
  blockedRemote,
  folders,
  listHref,
  imagesHref,
  composeBase,
  crm,
}: {
  refs: { mailbox: number; folder: number; message: number };
  message: ParsedMessage;
  flagged: boolean;
  seen: boolean;
  remoteAllowed: boolean;
  blockedRemote: number;
  folders: { id: number; name: string }[];
  listHref: string;
  imagesHref: string;
  composeBase: string;
  /** For employees (who work the CRM): create a task from the message, link it to a record. */
  crm?: { me: Person; message: MessageRef };
}) {
  const t = await getTranslations("Mail");
  const format = await getFormatter();
  const compose = (mode: string) => `${composeBase}&mode=${mode}`;
  return (
    <article className="flex min-h-0 flex-col gap-3 p-3" data-testid="message-view" aria-labelledby="message-subject">
      <MarkRead mailboxId={refs.mailbox} folderId={refs.folder} uid={refs.message} seen={seen} />
      <div className="flex flex-wrap items-center gap-2">
        <Button asChild size="sm" variant="ghost" className="lg:hidden">
          <Link href={listHref}>
            <ArrowLeftIcon className="rtl:rotate-180" /> {t("backToList")}
          </Link>
        </Button>
        <MessageActions
          mailboxId={refs.mailbox}
          folderId={refs.folder}
          uid={refs.message}
          flagged={flagged}
          folders={folders}
          listHref={listHref}
          composeHref={{ reply: compose("reply"), replyAll: compose("replyAll"), forward: compose("forward") }}
        />
        {crm && (
          <div className="flex items-center gap-1">
            <TaskDialog about={{ message: crm.message }} me={crm.me} initialTitle={message.subject ?? ""} />
            <LinkMessageDialog message={crm.message} />
          </div>
        )}
      </div>
      <header className="space-y-1">
        <h2 id="message-subject" className="text-lg font-semibold break-words">
          {message.subject || t("noSubject")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
          <dt className="text-muted-foreground">{t("from")}</dt>
          <dd className="min-w-0 break-words" dir="auto">
            {message.from.map(person).join(", ")}
          </dd>
          {message.to.length > 0 && (
            <>
              <dt className="text-muted-foreground">{t("to")}</dt>
              <dd className="min-w-0 break-words" dir="auto">
                {message.to.map(person).join(", ")}
              </dd>
            </>
          )}
          {message.cc.length > 0 && (
            <>
              <dt className="text-muted-foreground">{t("cc")}</dt>
              <dd className="min-w-0 break-words" dir="auto">
                {message.cc.map(person).join(", ")}
              </dd>
            </>
          )}
          {message.date && (
            <>
              <dt className="text-muted-foreground">{t("date")}</dt>
              <dd>{format.dateTime(message.date, { dateStyle: "full", timeStyle: "short" })}</dd>
            </>
          )}
        </dl>
      </header>
      {blockedRemote > 0 && !remoteAllowed && (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/50 p-2 text-sm"
          data-testid="remote-blocked"
        >
          <ImageOffIcon className="size-4 shrink-0" aria-hidden />
          <span className="flex-1">{t("remoteBlocked")}</span>
          <Button asChild size="sm" variant="outline">
            <Link href={imagesHref}>{t("showImages")}</Link>
          </Button>
          {message.from[0] && <AllowSenderButton mailboxId={refs.mailbox} folderId={refs.folder} uid={refs.message} />}
        </div>
      )}
      {message.truncated && <p className="text-sm text-muted-foreground">{t("truncated")}</p>}
      {message.attachments.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t("attachments")} data-testid="attachments">
          {message.attachments.map((attachment) => (
            <li key={attachment.part}>
              <a
                href={attachmentHref(refs, attachment.part)}
                download={attachment.filename}
                className="inline-flex max-w-64 items-center gap-1 rounded-md border px-2 py-1 text-sm hover:bg-accent"
              >
                <PaperclipIcon className="size-3.5 shrink-0" aria-hidden />
                <span className="truncate" dir="auto">
                  {attachment.filename}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {format.number(megabytes(attachment.size), { maximumFractionDigits: 2 })} MB
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <iframe
        title={t("messageBody")}
        src={frameSrc(refs, remoteAllowed)}
        sandbox={FRAME_SANDBOX}
        referrerPolicy="no-referrer"
        className="h-[65vh] w-full rounded-md border bg-white"
        data-testid="message-frame"
      />
    </article>
  );
}
