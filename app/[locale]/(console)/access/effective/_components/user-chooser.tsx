"use client";
import { useTranslations } from "next-intl";
import { SubjectPicker } from "@/components/access/subject-picker";
import { useRouter } from "@/lib/i18n/navigation";

/** Picks the user whose effective rights are shown; the choice lives in the URL (?user=). */
export function UserChooser() {
  const t = useTranslations("EffectiveRights");
  const router = useRouter();
  return (
    <SubjectPicker
      kinds={["USER"]}
      triggerLabel={t("chooseUser")}
      onPick={(subject) => router.push(`/access/effective?user=${subject.refId}`)}
    />
  );
}
