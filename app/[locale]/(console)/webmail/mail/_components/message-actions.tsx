"use client";
import { FlagIcon, FlagOffIcon, ForwardIcon, MailIcon, ReplyAllIcon, ReplyIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { allowSenderAction, deleteAction, moveAction, setFlagAction } from "../_lib/actions";
import { MoveAndDelete } from "./move-delete";
import { useMailAction } from "./use-mail-action";

export function MessageActions({
  mailboxId,
  folderId,
  uid,
  flagged,
  folders,
  composeHref,
  listHref,
}: {
  mailboxId: number;
  folderId: number;
  uid: number;
  flagged: boolean;
  folders: { id: number; name: string }[];
  composeHref: { reply: string; replyAll: string; forward: string };
  listHref: string;
}) {
  const t = useTranslations("Mail");
  const router = useRouter();
  const { pending, run } = useMailAction();
  const selection = { mailboxId, folderId, uids: [uid] };
  const backToList = () => router.push(listHref);
  return (
    <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label={t("messageActions")}>
      <Button asChild size="sm" variant="outline">
        <Link href={composeHref.reply}>
          <ReplyIcon className="rtl:-scale-x-100" /> {t("reply")}
        </Link>
      </Button>
      <Button asChild size="sm" variant="outline">
        <Link href={composeHref.replyAll} aria-label={t("replyAll")}>
          <ReplyAllIcon className="rtl:-scale-x-100" /> <span className="hidden sm:inline">{t("replyAll")}</span>
        </Link>
      </Button>
      <Button asChild size="sm" variant="outline">
        <Link href={composeHref.forward} aria-label={t("forward")}>
          <ForwardIcon className="rtl:-scale-x-100" /> <span className="hidden sm:inline">{t("forward")}</span>
        </Link>
      </Button>
      <Button
        size="icon-sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("markUnread")}
        title={t("markUnread")}
        onClick={() => run(() => setFlagAction({ ...selection, flag: "seen", on: false }), backToList)}
      >
        <MailIcon />
      </Button>
      <Button
        size="icon-sm"
        variant="ghost"
        disabled={pending}
        aria-label={flagged ? t("unflag") : t("flag")}
        title={flagged ? t("unflag") : t("flag")}
        onClick={() => run(() => setFlagAction({ ...selection, flag: "flagged", on: !flagged }))}
      >
        {flagged ? <FlagOffIcon /> : <FlagIcon />}
      </Button>
      <MoveAndDelete
        folders={folders}
        folderId={folderId}
        pending={pending}
        onMove={(targetFolderId) => run(() => moveAction({ ...selection, targetFolderId }), backToList)}
        onDelete={() => run(() => deleteAction(selection), backToList)}
        testId="message-move"
      />
    </div>
  );
}

export function AllowSenderButton({ mailboxId, folderId, uid }: { mailboxId: number; folderId: number; uid: number }) {
  const t = useTranslations("Mail");
  const { pending, run } = useMailAction();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() => run(() => allowSenderAction({ mailboxId, folderId, uid }))}
    >
      {t("alwaysShowImages")}
    </Button>
  );
}

/** Opening a message marks it read (on the server first, then here), once, after it is shown. */
export function MarkRead({
  mailboxId,
  folderId,
  uid,
  seen,
}: {
  mailboxId: number;
  folderId: number;
  uid: number;
  seen: boolean;
}) {
  const { run } = useMailAction();
  const done = useRef(false);
  useEffect(() => {
    if (seen || done.current) return;
    done.current = true;
    run(() => setFlagAction({ mailboxId, folderId, uids: [uid], flag: "seen", on: true }));
  }, [seen, mailboxId, folderId, uid, run]);
  return null;
}
