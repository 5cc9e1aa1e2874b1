"use client";
import { FlagIcon, MailIcon, MailOpenIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Link } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";
import { deleteAction, moveAction, setFlagAction } from "../_lib/actions";
import { MoveAndDelete } from "./move-delete";
import { useMailAction } from "./use-mail-action";

export interface ListItem {
  uid: number;
  subject: string | null;
  from: string;
  date: string | null;
  seen: boolean;
  flagged: boolean;
  href: string;
  active: boolean;
}

export function MessageList({
  mailboxId,
  folderId,
  items,
  folders,
}: {
  mailboxId: number;
  folderId: number;
  items: ListItem[];
  folders: { id: number; name: string }[];
}) {
  const t = useTranslations("Mail");
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { pending, run } = useMailAction();
  const uids = [...selected];
  const selection = { mailboxId, folderId, uids };
  const clear = () => setSelected(new Set());
  const toggle = (uid: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(uid);
      else next.delete(uid);
      return next;
    });

  return (
    <div className="flex min-h-0 flex-col">
      <div
        className="flex min-h-11 flex-wrap items-center gap-1 border-b px-2 py-1"
        role="toolbar"
        aria-label={t("bulkActions")}
      >
        <Checkbox
          aria-label={t("selectAll")}
          checked={items.length > 0 && selected.size === items.length}
          onCheckedChange={(on) => setSelected(on === true ? new Set(items.map((item) => item.uid)) : new Set())}
        />
        {selected.size > 0 && (
          <>
            <span className="px-1 text-xs text-muted-foreground">{t("selected", { count: selected.size })}</span>
            <Button
              size="icon-sm"
              variant="ghost"
              disabled={pending}
              aria-label={t("markRead")}
              title={t("markRead")}
              onClick={() => run(() => setFlagAction({ ...selection, flag: "seen", on: true }), clear, true)}
            >
              <MailOpenIcon />
            </Button>
            <Button
              size="icon-sm"
              variant="ghost"
              disabled={pending}
              aria-label={t("markUnread")}
              title={t("markUnread")}
              onClick={() => run(() => setFlagAction({ ...selection, flag: "seen", on: false }), clear, true)}
            >
              <MailIcon />
            </Button>
            <Button
              size="icon-sm"
              variant="ghost"
              disabled={pending}
              aria-label={t("flag")}
              title={t("flag")}
              onClick={() => run(() => setFlagAction({ ...selection, flag: "flagged", on: true }), clear, true)}
            >
              <FlagIcon />
            </Button>
            <MoveAndDelete
              folders={folders}
              folderId={folderId}
              pending={pending}
              onMove={(targetFolderId) => run(() => moveAction({ ...selection, targetFolderId }), clear, true)}
              onDelete={() => run(() => deleteAction(selection), clear, true)}
            />
          </>
        )}
      </div>
      <ul className="divide-y" data-testid="message-list">
        {items.map((item) => (
          <li
            key={item.uid}
            className={cn("flex items-start gap-2 px-2 py-2", item.active && "bg-accent")}
            data-testid="message-row"
            data-uid={item.uid}
            data-seen={item.seen}
          >
            <Checkbox
              className="mt-1"
              aria-label={t("selectMessage", { subject: item.subject || t("noSubject") })}
              checked={selected.has(item.uid)}
              onCheckedChange={(on) => toggle(item.uid, on === true)}
            />
            <Link href={item.href} className="min-w-0 flex-1" aria-current={item.active ? "page" : undefined}>
              <div className="flex items-baseline justify-between gap-2">
                <span className={cn("truncate text-sm", !item.seen && "font-semibold")}>{item.from}</span>
                <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                  {item.date ? format.dateTime(new Date(item.date), { dateStyle: "short", timeStyle: "short" }) : ""}
                </span>
              </div>
              <div className="flex items-center gap-1">
                {!item.seen && (
                  <span className="size-2 shrink-0 rounded-full bg-primary" aria-label={t("unread")} role="img" />
                )}
                {item.flagged && (
                  <FlagIcon className="size-3 shrink-0 text-orange-600" aria-label={t("flagged")} role="img" />
                )}
                <span className={cn("truncate text-sm text-muted-foreground", !item.seen && "text-foreground")}>
                  {item.subject || t("noSubject")}
                </span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
