"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import type { SubjectLabel } from "@/lib/access/subject-directory";

export interface Person {
  id: number;
  firstName: string;
  lastName: string;
}

const labelOf = (person: Person): SubjectLabel => ({
  key: `USER:${person.id}`,
  kind: "USER",
  refId: person.id,
  name: `${person.firstName} ${person.lastName}`,
  detail: null,
  user: person,
});

/** The responsible person: a chip, and a picker of employees to hand the record or task over. */
export function ResponsibleField({
  id,
  value,
  initial,
  onChange,
  disabled,
}: {
  id: string;
  value: number;
  initial: Person | null;
  onChange: (userId: number) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("CrmPages");
  const [label, setLabel] = useState<SubjectLabel | undefined>(initial ? labelOf(initial) : undefined);
  return (
    <div className="flex flex-wrap items-center gap-1.5" id={id} data-testid="responsible-field">
      <SubjectChip subject={{ kind: "USER", refId: value }} label={label} />
      {!disabled && (
        <SubjectPicker
          kinds={["USER"]}
          exclude={[{ kind: "USER", refId: value }]}
          triggerLabel={t("changeResponsible")}
          onPick={(subject, picked) => {
            setLabel(picked);
            onChange(subject.refId);
          }}
        />
      )}
    </div>
  );
}
