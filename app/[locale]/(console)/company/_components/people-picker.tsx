"use client";
import { useTranslations } from "next-intl";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";

export interface PickedPerson {
  id: number;
  firstName: string;
  lastName: string;
  email?: string | null;
}

const asLabel = (person: PickedPerson) => ({
  key: `USER:${person.id}`,
  kind: "USER" as const,
  refId: person.id,
  name: `${person.firstName} ${person.lastName}`,
  detail: person.email ?? null,
  user: { id: person.id, firstName: person.firstName, lastName: person.lastName },
});

/** People chosen with the shared subject picker (people only), shown as removable chips. */
export function PeoplePicker({
  value,
  onChange,
  single = false,
  triggerLabel,
}: {
  value: PickedPerson[];
  onChange(next: PickedPerson[]): void;
  single?: boolean;
  triggerLabel?: string;
}) {
  const t = useTranslations("People");
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {value.map((person) => (
        <SubjectChip
          key={person.id}
          subject={{ kind: "USER", refId: person.id }}
          label={asLabel(person)}
          onRemove={() => onChange(value.filter((other) => other.id !== person.id))}
          removeLabel={t("removePerson", { name: `${person.firstName} ${person.lastName}` })}
        />
      ))}
      {(!single || value.length === 0) && (
        <SubjectPicker
          kinds={["USER"]}
          exclude={value.map((person) => ({ kind: "USER" as const, refId: person.id }))}
          triggerLabel={triggerLabel}
          onPick={(_subject, label) => {
            if (!label.user) return;
            const person = { ...label.user, email: label.detail };
            onChange(single ? [person] : [...value, person]);
          }}
        />
      )}
    </div>
  );
}
