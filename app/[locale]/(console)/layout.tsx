import { setRequestLocale } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { requireSignedIn } from "@/lib/access/request";
import { sectionsFor } from "@/lib/access/sections";

export default async function ConsoleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSignedIn();
  const role = viewer.isPortalAdmin ? "admin" : viewer.kind === "EXTERNAL" ? "external" : "employee";
  return (
    <AppShell
      user={{ id: viewer.id, firstName: viewer.firstName, lastName: viewer.lastName, email: viewer.email, role }}
      visible={sectionsFor(access)}
    >
      {children}
    </AppShell>
  );
}
