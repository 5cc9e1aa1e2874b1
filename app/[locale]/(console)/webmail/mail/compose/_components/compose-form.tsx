"use client";
import { PaperclipIcon, SaveIcon, SendIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { saveDraftAction, sendAction } from "../_lib/actions";

export interface ComposeInitial {
  mailboxId: number;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  mode: "new" | "reply" | "replyAll" | "forward";
  folderId?: number;
  uid?: number;
  draftId?: number;
  signatureHtml: string;
  backHref: string;
}

const FIELDS = ["to", "cc", "bcc", "subject", "body"] as const;
type FieldName = (typeof FIELDS)[number];

export function ComposeForm({
  initial,
  signaturePreview,
}: {
  initial: ComposeInitial;
  signaturePreview: React.ReactNode;
}) {
  const t = useTranslations("Mail");
  const validation = useTranslations("Validation");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [values, setValues] = useState<Record<FieldName, string>>({
    to: initial.to,
    cc: initial.cc,
    bcc: initial.bcc,
    subject: initial.subject,
    body: initial.body,
  });
  const [files, setFiles] = useState<File[]>([]);
  const [draftId, setDraftId] = useState(initial.draftId);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (name: string) => {
    const key = Object.entries(error?.fieldErrors ?? {}).find(
      ([path]) => path === name || path.startsWith(`${name}.`),
    )?.[1];
    return key ? validation(key) : undefined;
  };
  const formError = error?.fieldErrors?._
    ? t(`errors.${error.fieldErrors._}`)
    : error && !error.fieldErrors
      ? errors(error.code)
      : undefined;

  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await sendAction({
        ...values,
        mailboxId: initial.mailboxId,
        mode: initial.mode,
        folderId: initial.folderId,
        uid: initial.uid,
        draftId,
        attachments: files,
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(result.data.savedCopy ? t("sent") : t("sentNoCopy"));
      router.push(initial.backHref);
    });
  const saveDraft = () =>
    startTransition(async () => {
      setError(null);
      const result = await saveDraftAction({ ...values, mailboxId: initial.mailboxId, draftId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setDraftId(result.data.draftId);
      toast.success(t("draftSaved"));
    });

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      noValidate
    >
      <p className="text-sm text-muted-foreground">
        {t("from")}: <bdi>{initial.from}</bdi>
      </p>
      {(["to", "cc", "bcc"] as const).map((name) => (
        <Field key={name} id={`compose-${name}`} label={t(name)} error={fieldError(name)}>
          <Input
            {...describedBy(`compose-${name}`, fieldError(name))}
            dir="ltr"
            value={values[name]}
            autoComplete="off"
            placeholder={name === "to" ? t("recipientsPlaceholder") : undefined}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </Field>
      ))}
      <Field id="compose-subject" label={t("subject")} error={fieldError("subject")}>
        <Input
          {...describedBy("compose-subject", fieldError("subject"))}
          value={values.subject}
          onChange={(event) => setValues({ ...values, subject: event.target.value })}
        />
      </Field>
      <Field id="compose-body" label={t("body")} error={fieldError("body")}>
        <textarea
          {...describedBy("compose-body", fieldError("body"))}
          dir="auto"
          className="min-h-64 w-full rounded-md border bg-background p-2 text-sm"
          value={values.body}
          onChange={(event) => setValues({ ...values, body: event.target.value })}
        />
      </Field>
      {initial.signatureHtml && (
        <div className="rounded-md border border-dashed p-2 text-sm">
          <p className="mb-1 text-xs text-muted-foreground">{t("signature")}</p>
          {signaturePreview}
        </div>
      )}
      <Field id="compose-attachments" label={t("attachments")} error={fieldError("attachments")}>
        <input
          {...describedBy("compose-attachments", fieldError("attachments"))}
          type="file"
          multiple
          className="text-sm"
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
        />
      </Field>
      {files.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="compose-files">
          {files.map((file) => (
            <li key={file.name} className="inline-flex items-center gap-1 rounded-md border px-2 py-1">
              <PaperclipIcon className="size-3.5" aria-hidden />
              {file.name}
            </li>
          ))}
        </ul>
      )}
      {formError && (
        <p role="alert" className="rounded-md border border-destructive/50 p-2 text-sm text-destructive">
          {formError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          <SendIcon className="rtl:-scale-x-100" /> {pending ? t("sending") : t("send")}
        </Button>
        <Button type="button" variant="outline" disabled={pending} onClick={saveDraft}>
          <SaveIcon /> {t("saveDraft")}
        </Button>
      </div>
    </form>
  );
}
