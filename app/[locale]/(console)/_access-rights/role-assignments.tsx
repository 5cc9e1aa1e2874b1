"use client";
import { useTranslations } from "next-intl";
import { SubjectChip, useSubjectText } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Card } from "@/components/ui/card";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { type SubjectRef, subjectKey } from "@/lib/access/subject-ref";
import type { FieldErrors } from "@/lib/errors";
import type { AccessModule } from "@/lib/generated/prisma/enums";
import { useRoleName } from "./role-name";
import type { DraftRole } from "./use-role-draft";

/** Who holds each role: chips of access subjects, added with the subject picker (SPEC §4.3). */
export function RoleAssignments({
  module,
  roles,
  labels,
  errors,
  onAdd,
  onRemove,
}: {
  module: AccessModule;
  roles: { role: DraftRole; index: number }[];
  labels: Record<string, SubjectLabel>;
  errors: FieldErrors;
  onAdd(role: DraftRole, subject: SubjectRef, label: SubjectLabel): void;
  onRemove(role: DraftRole, subject: SubjectRef): void;
}) {
  const t = useTranslations("AccessRights");
  const roleName = useRoleName(module);
  const subjectText = useSubjectText();
  return (
    <section aria-labelledby="assignments-title" className="flex flex-col gap-3">
      <h2 id="assignments-title" className="text-base font-semibold">
        {t("assignedTo")}
      </h2>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {roles.map(({ role, index }) => {
          const error = errors[`roles.${index}.assignments`];
          return (
            <Card key={role.key} className="flex flex-col gap-2 p-3" data-testid="role-assignments">
              <div className="flex items-center justify-between gap-2">
                <h3 className="truncate font-medium">{roleName(role) || t("unnamedRole")}</h3>
                <SubjectPicker onPick={(subject, label) => onAdd(role, subject, label)} exclude={role.assignments} />
              </div>
              {role.assignments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noAssignments")}</p>
              ) : (
                <div className="flex flex-wrap gap-1.5">
                  {role.assignments.map((subject) => {
                    const label = labels[subjectKey(subject)];
                    const locked = role.systemCode === "ADMIN" && subject.kind === "ADMINS";
                    return (
                      <SubjectChip
                        key={subjectKey(subject)}
                        subject={subject}
                        label={label}
                        onRemove={locked ? undefined : () => onRemove(role, subject)}
                        removeLabel={t("removeSubject", { name: subjectText(subject, label) })}
                      />
                    );
                  })}
                </div>
              )}
              {role.assignments.some((subject) => labels[subjectKey(subject)]?.external) && (
                <p className="text-xs text-warning-foreground" data-testid="external-assignment-warning">
                  {t("externalAssignmentWarning")}
                </p>
              )}
              {error && <p className="text-xs text-destructive">{t(`validation.${error}` as "validation.required")}</p>}
            </Card>
          );
        })}
      </div>
    </section>
  );
}
