"use client";
import { Building2Icon, CrownIcon, NetworkIcon, ShieldIcon, UsersIcon, UsersRoundIcon } from "lucide-react";
import { useSubjectText } from "@/components/access/subject-chip";
import { UserAvatar } from "@/components/ui/avatar";
import { Tooltip } from "@/components/ui/tooltip";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { type SubjectRef, subjectKey } from "@/lib/access/subject-ref";

const icons = {
  DEPARTMENT: Building2Icon,
  DEPARTMENT_TREE: NetworkIcon,
  WORK_GROUP: UsersIcon,
  USER_GROUP: UsersIcon,
  ALL_EMPLOYEES: UsersRoundIcon,
  ALL_HEADS: CrownIcon,
  ADMINS: ShieldIcon,
  USER: UsersIcon,
} as const;
const MAX = 4;

/** Overlapping avatars of people and groups, names on hover; "+3" for the rest. */
export function AvatarStack({ subjects, labels }: { subjects: SubjectRef[]; labels: Record<string, SubjectLabel> }) {
  const text = useSubjectText();
  if (subjects.length === 0) return <span className="text-muted-foreground">—</span>;
  const names = subjects.map((subject) => text(subject, labels[subjectKey(subject)]));
  return (
    <Tooltip content={names.join(", ")}>
      <button
        type="button"
        className="flex items-center rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={names.join(", ")}
      >
        {subjects.slice(0, MAX).map((subject) => {
          const label = labels[subjectKey(subject)];
          const Icon = icons[subject.kind];
          return label?.user ? (
            <UserAvatar
              key={subjectKey(subject)}
              user={label.user}
              className="-me-1.5 size-6 text-[9px] ring-2 ring-card"
            />
          ) : (
            <span
              key={subjectKey(subject)}
              className="-me-1.5 flex size-6 items-center justify-center rounded-full bg-muted text-muted-foreground ring-2 ring-card"
            >
              <Icon className="size-3" />
            </span>
          );
        })}
        {subjects.length > MAX && (
          <span className="ms-2.5 text-xs text-muted-foreground">+{subjects.length - MAX}</span>
        )}
      </button>
    </Tooltip>
  );
}
