import { ScaleIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { permissionsOf } from "@/lib/access/catalog";
import { loadRoleMatrix } from "@/lib/access/roles";
import { describeSubjects } from "@/lib/access/subject-directory";
import { db } from "@/lib/db";
import type { AccessModule } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { RoleEditor } from "./role-editor";

/** The page body both role editors share; the route pages only check the section first. */
export async function RoleEditorPage({ module, userId }: { module: AccessModule; userId: number }) {
  const t = await getTranslations("AccessRights");
  const [matrix, preference] = await Promise.all([
    loadRoleMatrix(db, module),
    db.gridPreference.findUnique({ where: { userId_gridKey: { userId, gridKey: `roles:${module}` } } }),
  ]);
  const labels = await describeSubjects(
    db,
    matrix.roles.flatMap((role) => role.assignments),
  );
  const hidden = (preference?.columns as { hidden?: number[] } | null)?.hidden ?? [];
  return (
    <>
      <PageHeader
        title={module === "WEBMAIL" ? t("webmailTitle") : t("telephonyTitle")}
        description={module === "WEBMAIL" ? t("webmailSubtitle") : t("telephonySubtitle")}
        actions={
          <Button asChild variant="outline">
            <Link href="/access/effective">
              <ScaleIcon /> {t("effectiveRights")}
            </Link>
          </Button>
        }
      />
      <RoleEditor
        module={module}
        permissions={permissionsOf(module)}
        initial={matrix}
        initialLabels={labels}
        initialHidden={hidden.filter((id) => matrix.roles.some((role) => role.id === id))}
      />
    </>
  );
}
