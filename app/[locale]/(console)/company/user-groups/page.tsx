import { UsersRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { UserGroupDialog } from "./_components/user-group-dialog";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/user-groups">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "People" }))("userGroupsTitle") };
}

export default async function UserGroupsPage({ params }: PageProps<"/[locale]/company/user-groups">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSection("userGroups");
  const groups = await db.userGroup.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      members: {
        select: { user: { select: { id: true, firstName: true, lastName: true, email: true } } },
        orderBy: { user: { lastName: "asc" } },
      },
    },
  });
  const t = await getTranslations("People");
  return (
    <>
      <PageHeader title={t("userGroupsTitle")} description={t("userGroupsSubtitle")} actions={<UserGroupDialog />} />
      <Card className="overflow-hidden">
        {groups.length === 0 ? (
          <EmptyState icon={<UsersRoundIcon />} title={t("noUserGroups")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("fields.groupName")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("fields.description")}</TableHead>
                <TableHead>{t("members")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("edit")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((group) => (
                <TableRow key={group.id} data-testid="user-group-row">
                  <TableCell className="font-medium">{group.name}</TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{group.description}</TableCell>
                  <TableCell>{t("memberCount", { count: group.members.length })}</TableCell>
                  <TableCell className="text-end">
                    <UserGroupDialog existing={{ ...group, members: group.members.map((member) => member.user) }} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </>
  );
}
