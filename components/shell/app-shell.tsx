import { MailIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type * as React from "react";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import type { SectionKey } from "./nav-items";
import { NotificationBell, type ShellNotification } from "./notification-bell";
import { SidebarNav } from "./sidebar-nav";
import { type ShellUser, UserMenu } from "./user-menu";

export async function AppShell({
  user,
  visible,
  notifications,
  children,
}: {
  user: ShellUser;
  visible: SectionKey[];
  notifications: { unread: number; items: ShellNotification[] };
  children: React.ReactNode;
}) {
  const common = await getTranslations("Common");
  const appName = common("appName");
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col overflow-y-auto bg-sidebar text-sidebar-foreground lg:flex">
        <Link href="/" className="flex h-14 items-center gap-2 px-5 font-semibold text-white">
          <MailIcon className="size-5" />
          {appName}
        </Link>
        <SidebarNav visible={visible} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-card/95 px-3 backdrop-blur sm:px-5">
          <MobileNav visible={visible} appName={appName} />
          <Link href="/" className="min-w-0 truncate font-semibold lg:hidden">
            {appName}
          </Link>
          <div className="ms-auto flex items-center gap-1">
            <NotificationBell unread={notifications.unread} items={notifications.items} />
            <LanguageSwitcher />
            <UserMenu user={user} />
          </div>
        </header>
        <main className="flex min-w-0 flex-1 flex-col gap-4 p-3 sm:p-5">{children}</main>
      </div>
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">{title}</h1>
        {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
