import { UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { mayInviteInto, workGroupDetail } from "@/lib/people/workgroup-views";
import { fullName } from "@/lib/utils";
import { parseId } from "@/lib/validation";
import { InviteDialog } from "../../_components/invite-dialog";
import { DeleteWorkGroup } from "../_components/delete-workgroup";
import { WorkGroupDialog } from "../_components/workgroup-dialog";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/workgroups/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "People" }))("workGroupsTitle") };
}

/** One workgroup and its members; a group the viewer may not see is a 404, like one that does not exist. */
export default async function WorkGroupPage({ params }: PageProps<"/[locale]/company/workgroups/[id]">) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("workgroups");
  const id = parseId(rawId);
  if (id === null) notFound();
  const group = await workGroupDetail(db, access, id).catch(() => notFound());
  const canInvite = await mayInviteInto(db, access, group.id);
  const t = await getTranslations("People");
  const statuses = await getTranslations("Employees.statuses");
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.description ?? undefined}
        actions={
          <>
            {group.isExternal && <Badge variant="warning">{t("external")}</Badge>}
            {canInvite && <InviteDialog kind="EXTERNAL" workGroupId={group.id} />}
            {access.isPortalAdmin && <WorkGroupDialog existing={group} />}
            {access.isPortalAdmin && group.members.length === 0 && <DeleteWorkGroup id={group.id} name={group.name} />}
          </>
        }
      />
      <Card className="p-4">
        <h2 className="mb-3 font-semibold">{t("memberCount", { count: group.members.length })}</h2>
        {group.members.length === 0 ? (
          <EmptyState icon={<UsersIcon />} title={t("noMembers")} />
        ) : (
          <ul className="divide-y">
            {group.members.map(({ role, user }) => (
              <li key={user.id} className="flex flex-wrap items-center gap-3 py-2.5" data-testid="workgroup-member">
                <UserAvatar user={user} />
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-1.5 font-medium">
                    <span className="truncate">{fullName(user)}</span>
                    {user.kind === "EXTERNAL" && <Badge variant="secondary">{t("external")}</Badge>}
                  </div>
                  <div className="truncate text-xs text-muted-foreground" dir="ltr">
                    {user.email}
                  </div>
                </div>
                {user.status !== "ACTIVE" && <Badge variant="warning">{statuses(user.status)}</Badge>}
                <Badge variant={role === "MEMBER" ? "secondary" : "default"}>{t(`roles.${role}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
