"use client";
import { PlusIcon, SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { SubjectLabel, SubjectSearchResult } from "@/lib/access/subject-directory";
import { type SubjectRef, subjectKey } from "@/lib/access/subject-ref";
import { searchSubjectsAction } from "./actions";
import { SubjectChip, useSubjectText } from "./subject-chip";

const SPECIAL: SubjectRef[] = [
  { kind: "ALL_EMPLOYEES", refId: 0 },
  { kind: "ALL_HEADS", refId: 0 },
  { kind: "ADMINS", refId: 0 },
];

/**
 * Picks an access subject: a person, a department (alone or with its sub-departments), a
 * workgroup, a user group, or a special subject. `exclude` hides what is already chosen.
 */
export function SubjectPicker({
  onPick,
  exclude = [],
  kinds,
  triggerLabel,
}: {
  onPick: (subject: SubjectRef, label: SubjectLabel) => void;
  exclude?: SubjectRef[];
  /** Restrict the offer, e.g. people only for a CRM queue. */
  kinds?: SubjectRef["kind"][];
  triggerLabel?: string;
}) {
  const t = useTranslations("Subjects");
  const text = useSubjectText();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<SubjectSearchResult | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const excluded = new Set(exclude.map(subjectKey));
  const allowed = (kind: SubjectRef["kind"]) => !kinds || kinds.includes(kind);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const response = await searchSubjectsAction({ query });
        setFailed(!response.ok);
        if (response.ok) setResult(response.data);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [open, query]);

  const pick = (subject: SubjectRef, label: SubjectLabel) => {
    onPick(subject, label);
    setOpen(false);
    setQuery("");
  };

  const option = (subject: SubjectRef, label: SubjectLabel) =>
    excluded.has(subjectKey(subject)) || !allowed(subject.kind) ? null : (
      <li key={subjectKey(subject)}>
        <button
          type="button"
          onClick={() => pick(subject, label)}
          className="flex w-full items-center gap-2 rounded-sm px-2 py-1.5 text-start text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
          data-testid="subject-option"
        >
          <SubjectChip subject={subject} label={label} className="border-0 bg-transparent p-0" />
          {label.detail && <span className="ms-auto truncate text-xs text-muted-foreground">{label.detail}</span>}
        </button>
      </li>
    );

  const special = SPECIAL.filter((subject) =>
    text(subject, undefined).toLowerCase().includes(query.trim().toLowerCase()),
  );
  const groups: { title: string; items: React.ReactNode[] }[] = result
    ? [
        {
          title: t("groups.special"),
          items: special.map((subject) =>
            option(subject, { key: subjectKey(subject), kind: subject.kind, refId: 0, name: null, detail: null }),
          ),
        },
        {
          title: t("groups.users"),
          items: result.users.map((label) => option({ kind: "USER", refId: label.refId }, label)),
        },
        {
          title: t("groups.departments"),
          items: result.departments.flatMap((label) => [
            option({ kind: "DEPARTMENT", refId: label.refId }, { ...label, kind: "DEPARTMENT" }),
            option({ kind: "DEPARTMENT_TREE", refId: label.refId }, { ...label, kind: "DEPARTMENT_TREE" }),
          ]),
        },
        {
          title: t("groups.workGroups"),
          items: result.workGroups.map((label) => option({ kind: "WORK_GROUP", refId: label.refId }, label)),
        },
        {
          title: t("groups.userGroups"),
          items: result.userGroups.map((label) => option({ kind: "USER_GROUP", refId: label.refId }, label)),
        },
      ].map((group) => ({ ...group, items: group.items.filter(Boolean) }))
    : [];
  const empty = result !== null && groups.every((group) => group.items.length === 0);

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" data-testid="subject-picker">
          <PlusIcon />
          {triggerLabel ?? t("add")}
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-[min(24rem,calc(100vw-2rem))] p-2">
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("searchPlaceholder")}
            aria-label={t("searchPlaceholder")}
            className="ps-8"
            autoFocus
          />
        </div>
        <div className="mt-2 max-h-80 overflow-y-auto" aria-busy={pending}>
          {failed && <p className="p-2 text-sm text-destructive">{t("searchFailed")}</p>}
          {result === null && !failed && <p className="p-2 text-sm text-muted-foreground">{t("searching")}</p>}
          {empty && <p className="p-2 text-sm text-muted-foreground">{t("noMatches")}</p>}
          {groups.map((group) =>
            group.items.length === 0 ? null : (
              <section key={group.title} className="mb-1">
                <h3 className="px-2 pb-1 pt-2 text-xs font-medium text-muted-foreground">{group.title}</h3>
                <ul>{group.items}</ul>
              </section>
            ),
          )}
        </div>
      </PopoverContent>
    </Popover>
  );
}
