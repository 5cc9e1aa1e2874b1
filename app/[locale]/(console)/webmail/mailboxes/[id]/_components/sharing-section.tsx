"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubjectChip, useSubjectText } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import { type SubjectRef, subjectKey } from "@/lib/access/subject-ref";
import { updateSharingAction } from "../../../_lib/mailbox-actions";
import { SaveBar } from "./save-bar";
import { useSectionSave } from "./use-section-save";

/** "Users with access": people and groups who may read this mailbox's mail (SPEC §3.3). */
export function SharingSection({
  mailboxId,
  initial,
  labels,
}: {
  mailboxId: number;
  initial: SubjectRef[];
  labels: Record<string, SubjectLabel>;
}) {
  const t = useTranslations("MailboxSettings");
  const subjectText = useSubjectText();
  const [subjects, setSubjects] = useState(initial);
  const [known, setKnown] = useState(labels);
  const { pending, error, save } = useSectionSave();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        save(() => updateSharingAction({ mailboxId, subjects }));
      }}
    >
      <p className="text-sm text-muted-foreground">{t("sharingHint")}</p>
      <div className="flex flex-wrap items-center gap-1.5" data-testid="shared-with">
        {subjects.length === 0 && <span className="text-sm text-muted-foreground">{t("notShared")}</span>}
        {subjects.map((subject) => (
          <SubjectChip
            key={subjectKey(subject)}
            subject={subject}
            label={known[subjectKey(subject)]}
            removeLabel={t("removeAccess", { name: subjectText(subject, known[subjectKey(subject)]) })}
            onRemove={() =>
              setSubjects((current) => current.filter((other) => subjectKey(other) !== subjectKey(subject)))
            }
          />
        ))}
        <SubjectPicker
          exclude={subjects}
          onPick={(subject, label) => {
            setKnown((current) => ({ ...current, [label.key]: label }));
            setSubjects((current) => [...current, subject]);
          }}
        />
      </div>
      <SaveBar pending={pending} error={error} testId="save-sharing" />
    </form>
  );
}
