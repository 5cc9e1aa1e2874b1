"use client";
import { useTranslations } from "next-intl";
import { useSubjectText } from "@/components/access/subject-chip";
import type { EffectivePermission } from "@/lib/access/effective";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { subjectKey } from "@/lib/access/subject-ref";
import type { AccessModule } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { useRoleName } from "../../../_access-rights/role-name";

/** Where a level comes from: each role and assignment that grants it, the winning ones first. */
export function PermissionSources({
  module,
  permission,
  subjects,
}: {
  module: AccessModule;
  permission: EffectivePermission;
  subjects: Record<string, SubjectLabel>;
}) {
  const t = useTranslations("EffectiveRights");
  const roleName = useRoleName(module);
  const subjectText = useSubjectText();
  if (permission.viaPortalAdmin) return <span className="font-medium">{t("viaPortalAdmin")}</span>;
  if (permission.sources.length === 0) return <span className="text-muted-foreground">{t("noRole")}</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {permission.cappedForExternal && (
        <li className="font-medium text-warning-foreground" data-testid="external-cap-note">
          {t("externalCap")}
        </li>
      )}
      {permission.sources.map((source) => {
        const subject = { kind: source.subjectKind, refId: source.subjectRefId };
        return (
          <li
            key={source.assignmentId}
            className={cn(
              source.level === permission.level && !permission.cappedForExternal
                ? "font-medium"
                : "text-muted-foreground",
            )}
            data-testid="permission-source"
          >
            {t("source", {
              role: roleName({ name: source.roleName, systemCode: source.systemCode }),
              subject: subjectText(subject, subjects[subjectKey(subject)]),
            })}
          </li>
        );
      })}
    </ul>
  );
}
