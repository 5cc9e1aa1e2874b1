import { ScaleIcon } from "lucide-react";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { editableModules } from "@/lib/access/capabilities";
import { permissionDef } from "@/lib/access/catalog";
import { explainRights } from "@/lib/access/explain";
import { requireSignedIn } from "@/lib/access/request";
import { db } from "@/lib/db";
import { fullName } from "@/lib/utils";
import { parseId } from "@/lib/validation";
import { PermissionSources } from "./_components/sources";
import { UserChooser } from "./_components/user-chooser";

export async function generateMetadata({ params }: PageProps<"/[locale]/access/effective">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "EffectiveRights" }))("title") };
}

export default async function EffectiveRightsPage({ params, searchParams }: PageProps<"/[locale]/access/effective">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { access } = await requireSignedIn();
  // Whoever edits a module's roles may see what they amount to for anyone — for that module only.
  const modules = editableModules(access);
  if (modules.length === 0) forbidden();
  const t = await getTranslations("EffectiveRights");
  const rights = await getTranslations("AccessRights");
  const requested = (await searchParams).user;
  const userId = parseId(requested);
  const explanation = userId === null ? null : await explainRights(db, userId, modules);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} actions={<UserChooser />} />
      {!explanation ? (
        <Card>
          <EmptyState
            icon={<ScaleIcon />}
            title={requested ? t("userNotFound") : t("pickUser")}
            hint={t("pickUserHint")}
          />
        </Card>
      ) : (
        <>
          <div className="flex items-center gap-3" data-testid="effective-user">
            <UserAvatar user={explanation.user} className="size-10 text-sm" />
            <div>
              <div className="flex flex-wrap items-center gap-2 font-semibold">
                {fullName(explanation.user)}
                {explanation.user.isPortalAdmin && <Badge>{t("portalAdmin")}</Badge>}
                {explanation.user.kind === "EXTERNAL" && <Badge variant="warning">{t("external")}</Badge>}
              </div>
              <div className="text-sm text-muted-foreground" dir="ltr">
                {explanation.user.email}
              </div>
            </div>
          </div>
          {explanation.modules.map(({ module, permissions }) => (
            <Card key={module} data-testid={`effective-${module}`}>
              <CardHeader>
                <CardTitle>{module === "WEBMAIL" ? rights("webmailTitle") : rights("telephonyTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="p-0">
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{rights("permission")}</TableHead>
                      <TableHead>{t("level")}</TableHead>
                      <TableHead>{t("grantedBy")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {permissions.map((permission) => {
                      const def = permissionDef(permission.key)!;
                      const level =
                        def.levels.find((candidate) => candidate.value === permission.level) ?? def.levels[0]!;
                      return (
                        <TableRow key={permission.key} data-permission={permission.key}>
                          <TableCell className="min-w-48">
                            {def.code && (
                              <span className="me-2 font-mono text-xs text-muted-foreground">{def.code}</span>
                            )}
                            {rights(`permissions.${permission.key}` as "permissions.webmail.editRights")}
                          </TableCell>
                          <TableCell className="whitespace-nowrap font-medium" data-testid="effective-level">
                            {rights(`levels.${level.key}` as "levels.yes")}
                          </TableCell>
                          <TableCell className="min-w-56 text-sm">
                            <PermissionSources
                              module={module}
                              permission={permission}
                              subjects={explanation.subjects}
                            />
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          ))}
        </>
      )}
    </>
  );
}
