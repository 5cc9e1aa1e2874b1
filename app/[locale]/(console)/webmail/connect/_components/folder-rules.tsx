"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Values = Record<string, unknown>;
const RULES = ["sentFolder", "trashFolder", "spamFolder"] as const;
const GUESS: Record<(typeof RULES)[number], RegExp> = {
  sentFolder: /sent|gesendet|inviat|مرسل/i,
  trashFolder: /trash|deleted|papierkorb|cestino|محذوف/i,
  spamFolder: /spam|junk|indesiderat|غير/i,
};

/** Which folders to sync, and which ones are the sent, trash and spam folders (SPEC §3.1). */
export function FolderRules({
  folders,
  values,
  set,
}: {
  folders: string[];
  values: Values;
  set: (patch: Values) => void;
}) {
  const t = useTranslations("Connect");
  const excluded = new Set((values.excludedFolders as string[] | undefined) ?? []);
  const ruleValue = (rule: (typeof RULES)[number]) =>
    (values[rule] as string | undefined) ?? folders.find((folder) => GUESS[rule].test(folder)) ?? "";
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">{t("foldersToSync")}</legend>
        <div className="grid max-h-56 gap-1.5 overflow-y-auto rounded-md border p-2 sm:grid-cols-2">
          {folders.map((folder) => (
            <div key={folder} className="flex items-center gap-2">
              <Checkbox
                id={`folder-${folder}`}
                checked={!excluded.has(folder)}
                onCheckedChange={(checked) => {
                  const next = new Set(excluded);
                  if (checked === true) next.delete(folder);
                  else next.add(folder);
                  set({ excludedFolders: [...next] });
                }}
              />
              <Label htmlFor={`folder-${folder}`} className="truncate font-normal" dir="ltr">
                {folder}
              </Label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        {RULES.map((rule) => (
          <Field key={rule} id={rule} label={t(rule)}>
            <NativeSelect
              id={rule}
              value={ruleValue(rule)}
              onChange={(event) => set({ [rule]: event.target.value || undefined })}
            >
              <option value="">{t("noFolder")}</option>
              {folders.map((folder) => (
                <option key={folder} value={folder}>
                  {folder}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ))}
      </div>
    </div>
  );
}
