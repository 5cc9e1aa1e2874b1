"use client";
import { Building2Icon, CrownIcon, NetworkIcon, ShieldIcon, UsersIcon, UsersRoundIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { UserAvatar } from "@/components/ui/avatar";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { SubjectRef } from "@/lib/access/subject-ref";
import { cn } from "@/lib/utils";

const kindIcons = {
  ALL_EMPLOYEES: UsersRoundIcon,
  ALL_HEADS: CrownIcon,
  ADMINS: ShieldIcon,
  DEPARTMENT: Building2Icon,
  DEPARTMENT_TREE: NetworkIcon,
  WORK_GROUP: UsersIcon,
  USER_GROUP: UsersIcon,
  USER: UsersIcon,
} as const;

/** The words a subject is shown with: its name, or for special subjects the kind itself. */
export function useSubjectText() {
  const t = useTranslations("Subjects");
  return (ref: SubjectRef, label: SubjectLabel | undefined) => {
    if (ref.kind === "ALL_EMPLOYEES" || ref.kind === "ALL_HEADS" || ref.kind === "ADMINS")
      return t(`special.${ref.kind}`);
    const name = label?.name ?? t("unknown");
    return ref.kind === "DEPARTMENT_TREE" ? t("withSubDepartments", { name }) : name;
  };
}

export function SubjectChip({
  subject,
  label,
  onRemove,
  removeLabel,
  className,
}: {
  subject: SubjectRef;
  label: SubjectLabel | undefined;
  onRemove?: () => void;
  removeLabel?: string;
  className?: string;
}) {
  const text = useSubjectText()(subject, label);
  const Icon = kindIcons[subject.kind];
  return (
    <span
      className={cn(
        "inline-flex max-w-full items-center gap-1.5 rounded-full border bg-card py-0.5 ps-1 pe-2 text-xs",
        className,
      )}
      data-testid="subject-chip"
      title={label?.detail ?? undefined}
    >
      {label?.user ? (
        <UserAvatar user={label.user} className="size-5 text-[9px]" />
      ) : (
        <span className="flex size-5 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Icon className="size-3" />
        </span>
      )}
      <span className="truncate">{text}</span>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel}
          className="-me-1 rounded-full p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <XIcon className="size-3" />
        </button>
      )}
    </span>
  );
}
