import { UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { SearchBox } from "@/components/data/search-box";
import { PageHeader } from "@/components/shell/app-shell";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { searchEmployees } from "@/lib/org/employees";
import { countedUsers, userLimit } from "@/lib/people/limits";
import { fullName } from "@/lib/utils";
import { InviteDialog } from "../_components/invite-dialog";
import { EmployeeDialog } from "./_components/employee-dialog";
import { UserLimitDialog } from "./_components/user-limit-dialog";
import { EMPLOYEES_PER_PAGE, employeeSearchCache } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/company/employees">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "Employees" }))("title") };
}

const statusVariant = { ACTIVE: "success", INVITED: "warning", DEACTIVATED: "secondary" } as const;

export default async function EmployeesPage({ params, searchParams }: PageProps<"/[locale]/company/employees">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("employees");
  const raw = await searchParams;
  const { q, page } = employeeSearchCache.parse(raw);
  const current = Math.max(1, page);
  const { total, rows } = await searchEmployees(db, { query: q, page: current, perPage: EMPLOYEES_PER_PAGE });
  const t = await getTranslations("Employees");
  const format = await getFormatter();
  const admin = access.isPortalAdmin;
  const [departments, limit, counted] = admin
    ? await Promise.all([
        db.department.findMany({ orderBy: { path: "asc" }, select: { id: true, name: true, depth: true } }),
        userLimit(db),
        countedUsers(db),
      ])
    : [[], null, 0];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          admin ? (
            <div className="flex flex-wrap gap-2">
              <EmployeeDialog departments={departments} />
              <InviteDialog kind="EMPLOYEE" />
              <UserLimitDialog limit={limit} counted={counted} />
            </div>
          ) : undefined
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SearchBox label={t("searchLabel")} placeholder={t("searchPlaceholder")} />
        <span className="text-sm text-muted-foreground" data-testid="employee-count">
          {t("count", { count: total })}
        </span>
      </div>
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon={<UsersIcon />} title={t("empty")} hint={t("emptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("departments")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("phones")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="hidden xl:table-cell">{t("lastActivity")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((user) => (
                <TableRow key={user.id} data-testid="employee-row">
                  <TableCell>
                    <div className="flex min-w-0 items-center gap-2.5">
                      <UserAvatar user={user} />
                      <div className="min-w-0">
                        <div className="flex items-center gap-1.5 font-medium">
                          {admin ? (
                            <Link href={`/company/employees/${user.id}`} className="truncate hover:underline">
                              {fullName(user)}
                            </Link>
                          ) : (
                            <span className="truncate">{fullName(user)}</span>
                          )}
                          {user.isPortalAdmin && <Badge variant="default">{t("admin")}</Badge>}
                        </div>
                        <div className="truncate text-xs text-muted-foreground" dir="ltr">
                          {user.email}
                        </div>
                        {user.position && <div className="truncate text-xs text-muted-foreground">{user.position}</div>}
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="hidden md:table-cell">
                    <div className="flex flex-wrap gap-1">
                      {user.departmentMemberships.map(({ department }) => (
                        <Badge key={department.id} variant="secondary">
                          {department.name}
                          {department.headId === user.id && ` · ${t("head")}`}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap lg:table-cell" dir="ltr">
                    {user.phones[0] ?? "—"}
                  </TableCell>
                  <TableCell>
                    <Badge variant={statusVariant[user.status]}>{t(`statuses.${user.status}`)}</Badge>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
                    {user.lastActivityAt ? format.relativeTime(user.lastActivityAt) : t("never")}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Pagination
        pathname="/company/employees"
        params={raw}
        page={current}
        perPage={EMPLOYEES_PER_PAGE}
        total={total}
      />
    </>
  );
}
