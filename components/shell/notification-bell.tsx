"use client";
import { BellIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Link } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";
import { markNotificationsReadAction } from "./notification-actions";

export interface ShellNotification {
  id: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export function NotificationBell({ unread, items }: { unread: number; items: ShellNotification[] }) {
  const t = useTranslations("Notifications");
  const format = useFormatter();
  const [count, setCount] = useState(unread);
  // The badge's text is also in the button's name (WCAG 2.5.3 "label in name"): "11", or "99+".
  const shown = count > 99 ? "99+" : String(count);
  // "3 minutes ago" relative to when the list was opened; without an explicit `now` next-intl
  // falls back to its environment clock and logs ENVIRONMENT_FALLBACK.
  const [now, setNow] = useState(() => new Date());
  return (
    <Popover
      onOpenChange={(open) => {
        if (open) setNow(new Date());
        if (open && count > 0) {
          setCount(0);
          void markNotificationsReadAction({});
        }
      }}
    >
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={t("title", { count: shown })}
          data-testid="notifications"
        >
          <BellIcon />
          {count > 0 && (
            <span className="absolute end-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-white">
              {shown}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <p className="border-b px-3 py-2 text-sm font-semibold">{t("heading")}</p>
        {items.length === 0 ? (
          <p className="p-4 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="max-h-96 overflow-y-auto">
            {items.map((item) => {
              const text = t.has(`kinds.${item.kind}`)
                ? t(`kinds.${item.kind}` as "kinds.mailboxConnectedForYou", item.params)
                : item.kind;
              const body = (
                <>
                  <span className="block">{text}</span>
                  <span className="text-xs text-muted-foreground">
                    {format.relativeTime(new Date(item.createdAt), now)}
                  </span>
                </>
              );
              return (
                <li
                  key={item.id}
                  className={cn("border-b text-sm last:border-0", !item.read && "bg-accent/50")}
                  data-testid="notification"
                >
                  {item.link ? (
                    <Link href={item.link} className="block px-3 py-2 hover:bg-accent">
                      {body}
                    </Link>
                  ) : (
                    <div className="px-3 py-2">{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  );
}
