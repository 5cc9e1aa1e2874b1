import { CalendarClockIcon, InboxIcon } from "lucide-react";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { disconnectionDate } from "@/lib/people/deactivation";
import { employeeForEdit } from "@/lib/people/employees";
import { parseId } from "@/lib/validation";
import { EmployeeDialog } from "../_components/employee-dialog";
import { ExtranetMoveDialog } from "./_components/extranet-move-dialog";
import { StatusButton } from "./_components/status-button";
import { TransferMailbox } from "./_components/transfer-mailbox";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/employees/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "People" }))("employeeTitle") };
}

const statusVariant = { ACTIVE: "success", INVITED: "warning", DEACTIVATED: "secondary" } as const;

/** One employee for administrators: edit, deactivate or reactivate, their mailboxes and who gets them. */
export default async function EmployeePage({ params }: PageProps<"/[locale]/company/employees/[id]">) {
  const { locale, id: rawId } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("employees");
  if (!access.isPortalAdmin) forbidden();
  const id = parseId(rawId);
  if (id === null) notFound();
  const employee = await employeeForEdit(db, access, id).catch(() => notFound());
  const [user, mailboxes, departments, externalGroups] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id }, select: { deactivatedAt: true, lastActivityAt: true } }),
    db.mailbox.findMany({
      where: { ownerId: id },
      orderBy: { email: "asc" },
      select: { id: true, email: true, name: true, lastSyncAt: true },
    }),
    db.department.findMany({ orderBy: { path: "asc" }, select: { id: true, name: true, depth: true } }),
    db.workGroup.findMany({ where: { isExternal: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const t = await getTranslations("People");
  const statuses = await getTranslations("Employees.statuses");
  const format = await getFormatter();
  const deactivated = employee.status === "DEACTIVATED";
  const name = `${employee.firstName} ${employee.lastName}`;
  return (
    <>
      <PageHeader
        title={name}
        description={employee.email}
        actions={
          <>
            <Badge variant={statusVariant[employee.status]} data-testid="employee-status">
              {statuses(employee.status)}
            </Badge>
            <EmployeeDialog existing={employee} departments={departments} />
            {employee.id !== access.userId && (
              <StatusButton userId={employee.id} name={name} deactivated={deactivated} />
            )}
            {employee.id !== access.userId && (
              <ExtranetMoveDialog userId={employee.id} name={name} email={employee.email} groups={externalGroups} />
            )}
          </>
        }
      />
      {deactivated && user.deactivatedAt && (
        <Card
          className="flex items-start gap-3 border-warning/40 bg-warning/5 p-4 text-sm"
          data-testid="deactivation-notice"
        >
          <CalendarClockIcon className="mt-0.5 size-4 shrink-0 text-warning" />
          <p>
            {t("deactivatedNotice", {
              since: format.dateTime(user.deactivatedAt, { dateStyle: "medium" }),
              until: format.dateTime(disconnectionDate(user.deactivatedAt), { dateStyle: "medium" }),
            })}
          </p>
        </Card>
      )}
      <Card className="p-4">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold">{t("mailboxes")}</h2>
          {!deactivated && (
            <Link href="/webmail/connect" className="text-sm text-primary hover:underline">
              {t("connectMailbox")}
            </Link>
          )}
        </div>
        {mailboxes.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title={t("noMailboxes")} />
        ) : (
          <ul className="divide-y">
            {mailboxes.map((mailbox) => (
              <li key={mailbox.id} className="flex flex-wrap items-center gap-3 py-2.5" data-testid="employee-mailbox">
                <div className="min-w-0 flex-1">
                  <div className="truncate font-medium" dir="ltr">
                    {mailbox.email}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    {mailbox.lastSyncAt ? format.relativeTime(mailbox.lastSyncAt) : t("neverSynced")}
                  </div>
                </div>
                {deactivated && <TransferMailbox mailboxId={mailbox.id} email={mailbox.email} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
