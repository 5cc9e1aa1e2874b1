import { InboxIcon, PlusIcon, UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WEBMAIL } from "@/lib/access/catalog";
import { canConnectForOthers } from "@/lib/access/mailbox-rights";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { requestSync } from "@/lib/jobs/sync-queue";
import { staleOwnMailboxes } from "@/lib/mailboxes/activity";
import { myMailboxes } from "@/lib/mailboxes/queries";
import { fullName } from "@/lib/utils";
import { MyMailboxList } from "./_components/my-mailbox-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/my">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "MyMailboxes" }))("title") };
}

export default async function MyMailboxesPage({ params }: PageProps<"/[locale]/webmail/my">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("myMailboxes");
  const t = await getTranslations("MyMailboxes");
  const mailboxes = await myMailboxes(db, access);
  // Opening one's mail is a reason to sync it now (SPEC §3.5).
  const stale = staleOwnMailboxes(mailboxes);
  if (stale.length > 0) {
    await requestSync(db, stale, { manual: false }).catch(() => undefined);
    for (const mailbox of mailboxes) if (stale.includes(mailbox.id)) mailbox.sync.syncState = "QUEUED";
  }
  const mayConnect = access.allowed(WEBMAIL.connectOwn.key);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <>
            {canConnectForOthers(access) && (
              <Button asChild variant="outline">
                <Link href="/webmail/bulk-connect">
                  <UsersIcon /> {t("bulkConnect")}
                </Link>
              </Button>
            )}
            {(mayConnect || canConnectForOthers(access)) && (
              <Button asChild>
                <Link href="/webmail/connect">
                  <PlusIcon /> {t("connect")}
                </Link>
              </Button>
            )}
          </>
        }
      />
      <Card className="overflow-hidden">
        {mailboxes.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t("empty")} hint={mayConnect ? t("emptyHint") : t("emptyNoRight")} />
        ) : (
          <MyMailboxList
            items={mailboxes.map((mailbox) => ({
              id: mailbox.id,
              email: mailbox.email,
              name: mailbox.name,
              own: mailbox.own,
              canEdit: mailbox.canEdit,
              ownerName: fullName(mailbox.owner),
              sync: mailbox.sync,
            }))}
          />
        )}
      </Card>
    </>
  );
}
