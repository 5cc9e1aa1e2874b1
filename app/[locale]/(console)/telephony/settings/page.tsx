import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSection } from "@/lib/access/request";
import { db } from "@/lib/db";
import { getTelephonySettings } from "@/lib/telephony/settings";
import { listApiTokens } from "@/lib/telephony/tokens";
import { CreateTokenForm, RevokeTokenButton } from "./_components/api-tokens";
import { BlacklistEditor } from "./_components/blacklist-editor";
import { GeneralSettingsForm } from "./_components/general-settings-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/telephony/settings">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "TelephonySettings" }))("title") };
}

export default async function TelephonySettingsPage({ params }: PageProps<"/[locale]/telephony/settings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSection("telephonySettings");
  const [settings, numbers, tokens] = await Promise.all([
    getTelephonySettings(db),
    db.phoneNumber.findMany({ select: { id: true, number: true, label: true }, orderBy: { number: "asc" } }),
    listApiTokens(db),
  ]);
  const t = await getTranslations("TelephonySettings");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—");

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <GeneralSettingsForm
          numbers={numbers}
          defaultOutgoingNumberId={settings.defaultOutgoingNumberId}
          recordingRetentionDays={settings.recordingRetentionDays}
        />
        <BlacklistEditor numbers={settings.blacklist} />
      </div>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>{t("tokens.title")}</CardTitle>
          <CardDescription>{t("tokens.description")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <CreateTokenForm />
          {tokens.length === 0 ? (
            <EmptyState icon={<KeyRoundIcon />} title={t("tokens.empty")} hint={t("tokens.emptyHint")} />
          ) : (
            <div className="overflow-x-auto">
              <Table data-testid="api-tokens">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("tokens.name")}</TableHead>
                    <TableHead>{t("tokens.prefix")}</TableHead>
                    <TableHead>{t("tokens.created")}</TableHead>
                    <TableHead>{t("tokens.lastUsed")}</TableHead>
                    <TableHead>{t("tokens.state")}</TableHead>
                    <TableHead>
                      <span className="sr-only">{t("tokens.actions")}</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tokens.map((token) => (
                    <TableRow key={token.id} data-token-prefix={token.prefix}>
                      <TableCell className="max-w-48 truncate font-medium">{token.name}</TableCell>
                      <TableCell>
                        <code className="text-xs" dir="ltr">{`mbc_${token.prefix}_…`}</code>
                      </TableCell>
                      <TableCell className="whitespace-nowrap">{when(token.createdAt)}</TableCell>
                      <TableCell className="whitespace-nowrap">{when(token.lastUsedAt)}</TableCell>
                      <TableCell>
                        {token.revokedAt ? (
                          <Badge variant="secondary">{t("tokens.revokedOn", { date: when(token.revokedAt) })}</Badge>
                        ) : (
                          <Badge variant="success">{t("tokens.active")}</Badge>
                        )}
                      </TableCell>
                      <TableCell className="text-end">
                        {!token.revokedAt && <RevokeTokenButton id={token.id} name={token.name} />}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </CardContent>
      </Card>
    </>
  );
}
