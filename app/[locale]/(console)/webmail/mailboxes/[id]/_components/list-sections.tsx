"use client";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { updateBlacklistInput, updateContactsInput } from "@/lib/mailboxes/schemas";
import { updateBlacklistAction, updateContactsAction } from "../../../_lib/mailbox-actions";
import { SaveBar } from "./save-bar";
import { useSectionSave } from "./use-section-save";

let rowKey = 0;
const nextKey = () => ++rowKey;

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Addresses and @domains whose mail goes to spam and never reaches CRM (SPEC §3.3). */
export function BlacklistSection({ mailboxId, patterns }: { mailboxId: number; patterns: string[] }) {
  const t = useTranslations("MailboxSettings");
  const validation = useTranslations("Validation");
  const [text, setText] = useState(patterns.join("\n"));
  const [badLines, setBadLines] = useState<string[]>([]);
  const { pending, error, save } = useSectionSave();
  const entries = lines(text);
  // Field errors arrive as "patterns.<index>": name the lines that are wrong.
  const showBadLines = (fieldErrors: Record<string, string> | undefined, list: string[]) =>
    setBadLines(
      Object.keys(fieldErrors ?? {}).flatMap((key) =>
        key.startsWith("patterns.") ? [list[Number(key.split(".")[1])] ?? ""] : [],
      ),
    );
  const errorText = badLines.length ? `${validation("invalidBlacklistEntry")}: ${badLines.join(", ")}` : undefined;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = updateBlacklistInput.safeParse({ mailboxId, patterns: entries });
        if (!parsed.success) {
          showBadLines(
            Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])),
            entries,
          );
          return;
        }
        setBadLines([]);
        save(
          () => updateBlacklistAction(parsed.data),
          (failure) => showBadLines(failure.fieldErrors, entries),
        );
      }}
    >
      <Field id="blacklist" label={t("blacklist")} hint={t("blacklistHint")} error={errorText}>
        <Textarea
          {...describedBy("blacklist", errorText, true)}
          rows={8}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={"spammer@example.com\n@advertising.example"}
          dir="ltr"
          className="font-mono"
        />
      </Field>
      <p className="text-sm text-muted-foreground">{t("entries", { count: entries.length })}</p>
      <SaveBar pending={pending} error={error} testId="save-blacklist" />
    </form>
  );
}

/** The mailbox's address book (SPEC §3.3). */
export function ContactsSection({
  mailboxId,
  contacts,
}: {
  mailboxId: number;
  contacts: { email: string; name: string | null }[];
}) {
  const t = useTranslations("MailboxSettings");
  const common = useTranslations("Common");
  const [rows, setRows] = useState(
    contacts.map((contact) => ({ key: nextKey(), email: contact.email, name: contact.name ?? "" })),
  );
  const form = useZodForm(updateContactsInput, { mailboxId, contacts: rows });
  const { pending, error, save } = useSectionSave();
  const update = (index: number, patch: Partial<{ email: string; name: string }>) =>
    setRows((current) => current.map((row, position) => (position === index ? { ...row, ...patch } : row)));
  return (
    <form
      className="flex flex-col gap-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const cleaned = rows
          .filter((row) => row.email.trim() || row.name.trim())
          .map(({ email, name }) => ({ email, name }));
        form.reset({ mailboxId, contacts: cleaned });
        const parsed = updateContactsInput.safeParse({ mailboxId, contacts: cleaned });
        if (!parsed.success) {
          form.validate();
          return;
        }
        save(() => updateContactsAction(parsed.data), form.showServerErrors);
      }}
    >
      {rows.length === 0 && <p className="text-sm text-muted-foreground">{t("noContacts")}</p>}
      {rows.map((row, index) => (
        <div
          key={row.key}
          className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2"
          data-testid="contact-row"
        >
          <Field
            id={`contact-${index}-email`}
            label={<span className="sr-only">{t("contactEmail")}</span>}
            error={form.errorOf(`contacts.${index}.email`)}
          >
            <Input
              {...describedBy(`contact-${index}-email`, form.errorOf(`contacts.${index}.email`))}
              value={row.email}
              placeholder={t("contactEmail")}
              onChange={(event) => update(index, { email: event.target.value })}
              dir="ltr"
            />
          </Field>
          <Field id={`contact-${index}-name`} label={<span className="sr-only">{t("contactName")}</span>}>
            <Input
              id={`contact-${index}-name`}
              value={row.name}
              placeholder={t("contactName")}
              onChange={(event) => update(index, { name: event.target.value })}
            />
          </Field>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={common("delete")}
            onClick={() => setRows((current) => current.filter((_, position) => position !== index))}
          >
            <Trash2Icon />
          </Button>
        </div>
      ))}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setRows((current) => [...current, { key: nextKey(), email: "", name: "" }])}
        >
          <PlusIcon /> {t("addContact")}
        </Button>
      </div>
      <SaveBar pending={pending} error={error} testId="save-contacts" />
    </form>
  );
}
