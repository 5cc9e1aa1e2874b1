import { SmartphoneIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/data/pagination";
import { SearchBox } from "@/components/data/search-box";
import { PageHeader } from "@/components/shell/app-shell";
import { UserAvatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { listPhoneSettings, outgoingNumberChoices } from "@/lib/telephony/phone-settings";
import { fullName } from "@/lib/utils";
import { PhoneSettingsDialog } from "./_components/phone-settings-dialog";
import { PHONE_SETTINGS_PER_PAGE, phoneSettingsSearchCache } from "./_lib/search-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/users">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "TelephonyPages" }))("usersTitle") };
}

export default async function PhoneSettingsPage({ params, searchParams }: PageProps<"/[locale]/telephony/users">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSection("phoneSettings");
  const raw = await searchParams;
  const { q, page } = phoneSettingsSearchCache.parse(raw);
  const current = Math.max(1, page);
  const [{ total, rows }, { numbers, companyDefault }] = await Promise.all([
    listPhoneSettings(db, access, { query: q, page: current, perPage: PHONE_SETTINGS_PER_PAGE }),
    outgoingNumberChoices(db),
  ]);
  const t = await getTranslations("TelephonyPages");

  return (
    <>
      <PageHeader title={t("usersTitle")} description={t("usersSubtitle")} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SearchBox label={t("searchUsers")} placeholder={t("searchUsersPlaceholder")} />
        <span className="text-sm text-muted-foreground" data-testid="phone-settings-count">
          {t("userCount", { count: total })}
        </span>
      </div>
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <EmptyState icon={<SmartphoneIcon />} title={t("usersEmpty")} hint={t("usersEmptyHint")} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("user")}</TableHead>
                <TableHead>{t("extension")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("device")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("outgoingNumber")}</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">{t("actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((user) => {
                const settings = user.phoneSettings;
                const outgoing = settings?.outgoingNumber ?? companyDefault;
                return (
                  <TableRow key={user.id} data-testid="phone-settings-row" data-user-id={user.id}>
                    <TableCell>
                      {/* Bounded on phones so long addresses truncate instead of pushing the edit button off screen. */}
                      <div className="flex min-w-0 max-w-40 items-center gap-2.5 sm:max-w-sm">
                        <UserAvatar user={user} />
                        <div className="min-w-0">
                          <div className="truncate font-medium">{fullName(user)}</div>
                          <div className="truncate text-xs text-muted-foreground" dir="ltr">
                            {user.email}
                          </div>
                        </div>
                      </div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap tabular-nums" dir="ltr" data-testid="extension-cell">
                      {settings?.extension ?? "—"}
                    </TableCell>
                    <TableCell className="hidden max-w-48 truncate md:table-cell">{settings?.device ?? "—"}</TableCell>
                    <TableCell className="hidden whitespace-nowrap sm:table-cell">
                      {outgoing ? (
                        <span dir="ltr">{outgoing.number}</span>
                      ) : (
                        <span className="text-muted-foreground">{t("noNumber")}</span>
                      )}
                      {!settings?.outgoingNumber && outgoing && (
                        <span className="ms-1.5 text-xs text-muted-foreground">{t("companyDefault")}</span>
                      )}
                    </TableCell>
                    <TableCell className="text-end">
                      <PhoneSettingsDialog
                        row={{
                          userId: user.id,
                          name: fullName(user),
                          device: settings?.device ?? null,
                          extension: settings?.extension ?? null,
                          outgoingNumberId: settings?.outgoingNumber?.id ?? null,
                        }}
                        numbers={numbers}
                        companyDefault={companyDefault}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Card>
      <Pagination
        pathname="/telephony/users"
        params={raw}
        page={current}
        perPage={PHONE_SETTINGS_PER_PAGE}
        total={total}
      />
    </>
  );
}
