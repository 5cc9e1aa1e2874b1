import { ChevronLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/access/request";
import { canOpen } from "@/lib/access/sections";
import { crmMailboxSummary } from "@/lib/crm/mailbox-summary";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { mailboxForSettings } from "@/lib/mailboxes/queries";
import { daysToPeriod } from "@/lib/mailboxes/schemas";
import { cn, fullName } from "@/lib/utils";
import { parseId } from "@/lib/validation";
import { ConnectionSection } from "./_components/connection-section";
import { CrmSection } from "./_components/crm-section";
import { CrmSummary } from "./_components/crm-summary";
import { DisconnectButton } from "./_components/disconnect-button";
import { GeneralSection } from "./_components/general-section";
import { BlacklistSection, ContactsSection } from "./_components/list-sections";
import { SharingSection } from "./_components/sharing-section";
import { StatusPanel } from "./_components/status-panel";

const TABS = ["general", "connection", "sharing", "blacklist", "contacts", "crm"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata({ params }: PageProps<"/[locale]/webmail/mailboxes/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "MailboxSettings" }))("title") };
}

export default async function MailboxSettingsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/webmail/mailboxes/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { access, viewer } = await requireSignedIn();
  // Not editable, not visible and not a possible id (past int4, not digits) look the same from
  // outside: a 404 that reveals nothing of the mailbox.
  const mailboxId = parseId(id);
  const data = mailboxId === null ? null : await mailboxForSettings(db, access, mailboxId);
  if (!data) notFound();
  const { mailbox } = data;
  // Someone else's mailbox was most likely reached from the grid; one's own from "My mailboxes".
  const fromGrid = mailbox.owner.id !== viewer.id && canOpen.mailboxes(access);
  const t = await getTranslations("MailboxSettings");
  const requested = (await searchParams).tab;
  const tabs = TABS.filter((tab) => tab !== "crm" || data.canEditCrm);
  const tab: Tab = tabs.find((candidate) => candidate === requested) ?? "general";
  // Counts of what the CRM did with this mailbox's mail (no content), while CRM is on or has run.
  const crm = mailbox.crmEnabled ? await crmMailboxSummary(db, mailbox.id) : null;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button asChild variant="ghost" size="sm" className="-ms-2">
          {fromGrid ? (
            <Link href="/webmail/mailboxes">
              <ChevronLeftIcon className="rtl:rotate-180" /> {t("backToGrid")}
            </Link>
          ) : (
            <Link href="/webmail/my">
              <ChevronLeftIcon className="rtl:rotate-180" /> {t("back")}
            </Link>
          )}
        </Button>
      </div>
      <PageHeader
        title={mailbox.email}
        description={t("ownedBy", { name: fullName(mailbox.owner) })}
        actions={data.canDisconnect ? <DisconnectButton mailboxId={mailbox.id} email={mailbox.email} /> : undefined}
      />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0 p-0">
          <nav className="flex gap-1 overflow-x-auto border-b px-2" aria-label={t("sections")}>
            {tabs.map((candidate) => (
              <Link
                key={candidate}
                href={`/webmail/mailboxes/${mailbox.id}?tab=${candidate}`}
                aria-current={candidate === tab ? "page" : undefined}
                className={cn(
                  "whitespace-nowrap border-b-2 px-3 py-2.5 text-sm transition-colors",
                  candidate === tab
                    ? "border-primary font-medium text-foreground"
                    : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {t(`tabs.${candidate}`)}
              </Link>
            ))}
          </nav>
          <div className="p-4 sm:p-5">
            {tab === "general" && (
              <GeneralSection
                folders={mailbox.folders.map((folder) => folder.path)}
                initial={{
                  mailboxId: mailbox.id,
                  name: mailbox.name,
                  senderName: mailbox.senderName ?? "",
                  syncPeriod: daysToPeriod(mailbox.syncPeriodDays),
                  saveSentCopy: mailbox.saveSentCopy,
                  excludedFolders: mailbox.excludedFolders,
                  sentFolder: mailbox.sentFolder ?? undefined,
                  trashFolder: mailbox.trashFolder ?? undefined,
                  spamFolder: mailbox.spamFolder ?? undefined,
                  signatureHtml: mailbox.signatureHtml,
                }}
              />
            )}
            {tab === "connection" && (
              <ConnectionSection
                initial={{
                  mailboxId: mailbox.id,
                  imapHost: mailbox.imapHost,
                  imapPort: mailbox.imapPort,
                  imapSecurity: mailbox.imapSecurity,
                  imapLogin: mailbox.imapLogin,
                  smtpEnabled: mailbox.smtpEnabled,
                  smtpHost: mailbox.smtpHost ?? undefined,
                  smtpPort: mailbox.smtpPort ?? undefined,
                  smtpSecurity: mailbox.smtpSecurity ?? undefined,
                  smtpLogin: mailbox.smtpLogin ?? undefined,
                  dailySendLimit: mailbox.dailySendLimit ?? undefined,
                }}
              />
            )}
            {tab === "sharing" && (
              <SharingSection mailboxId={mailbox.id} initial={data.sharedWith} labels={data.labels} />
            )}
            {tab === "blacklist" && (
              <BlacklistSection mailboxId={mailbox.id} patterns={mailbox.blacklist.map((entry) => entry.pattern)} />
            )}
            {tab === "contacts" && <ContactsSection mailboxId={mailbox.id} contacts={mailbox.contacts} />}
            {tab === "crm" && (
              <CrmSection
                labels={data.labels}
                initial={{
                  mailboxId: mailbox.id,
                  crmEnabled: mailbox.crmEnabled,
                  crmProcessDays: mailbox.crmProcessDays,
                  crmIncomingNewAction: mailbox.crmIncomingNewAction,
                  crmOutgoingNewAction: mailbox.crmOutgoingNewAction,
                  crmRouteToResponsible: mailbox.crmRouteToResponsible,
                  crmLeadForEveryFrom: mailbox.crmLeadForEveryFrom,
                  crmSource: mailbox.crmSource,
                  crmContactsFromVcards: mailbox.crmContactsFromVcards,
                  crmQueue: data.queue.map((subject) => subject.refId),
                }}
              />
            )}
          </div>
        </Card>
        <div className="flex min-w-0 flex-col gap-4">
          <StatusPanel
            initial={data.sync}
            folders={mailbox.folders.map((folder) => ({ ...folder, sizeBytes: folder.sizeBytes.toString() }))}
          />
          {crm && <CrmSummary summary={crm} />}
        </div>
      </div>
    </div>
  );
}
