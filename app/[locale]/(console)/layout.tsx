import { setRequestLocale } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireSignedIn } from "@/lib/access/request";
import { sectionsFor } from "@/lib/access/sections";
import { db } from "@/lib/db";
import { recentNotifications } from "@/lib/notifications";

export default async function ConsoleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSignedIn();
  const notifications = await recentNotifications(db, viewer.id);
  const role = access.isPortalAdmin ? "admin" : viewer.kind === "EXTERNAL" ? "external" : "employee";
  return (
    <AppShell
      user={{ id: viewer.id, firstName: viewer.firstName, lastName: viewer.lastName, email: viewer.email, role }}
      visible={sectionsFor(access)}
      notifications={{
        unread: notifications.unread,
        items: notifications.items.map((item) => ({
          id: item.id,
          kind: item.kind,
          params: item.params as Record<string, string | number>,
          link: item.link,
          read: item.readAt !== null,
          createdAt: item.createdAt.toISOString(),
        })),
      }}
    >
      {children}
    </AppShell>
  );
}
