import { UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { visibleWorkGroups } from "@/lib/people/workgroup-views";
import { WorkGroupDialog } from "./_components/workgroup-dialog";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/workgroups">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "People" }))("workGroupsTitle") };
}

/** Workgroups and projects: all for administrators, the internal ones and one's own for employees, one's own external groups for partners. */
export default async function WorkGroupsPage({ params }: PageProps<"/[locale]/company/workgroups">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("workgroups");
  const groups = await visibleWorkGroups(db, access);
  const t = await getTranslations("People");
  return (
    <>
      <PageHeader
        title={t("workGroupsTitle")}
        description={access.isEmployee ? t("workGroupsSubtitle") : t("workGroupsSubtitleExternal")}
        actions={access.isPortalAdmin ? <WorkGroupDialog /> : undefined}
      />
      {groups.length === 0 ? (
        <Card>
          <EmptyState
            icon={<UsersIcon />}
            title={t("noWorkGroups")}
            hint={access.isPortalAdmin ? t("noWorkGroupsHint") : undefined}
          />
        </Card>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {groups.map((group) => (
            <Card
              key={group.id}
              className="min-w-0 transition-colors hover:border-primary/40"
              data-testid="workgroup-card"
            >
              <Link href={`/company/workgroups/${group.id}`} className="flex h-full flex-col gap-1.5 p-4">
                <span className="flex items-center gap-2">
                  <span className="min-w-0 flex-1 truncate font-medium">{group.name}</span>
                  {group.isExternal && <Badge variant="warning">{t("external")}</Badge>}
                </span>
                {group.description && (
                  <span className="line-clamp-2 text-sm text-muted-foreground">{group.description}</span>
                )}
                <span className="mt-auto text-xs text-muted-foreground">
                  {t("memberCount", { count: group._count.members })}
                  {group.members[0] && <> · {t(`roles.${group.members[0].role}`)}</>}
                </span>
              </Link>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
