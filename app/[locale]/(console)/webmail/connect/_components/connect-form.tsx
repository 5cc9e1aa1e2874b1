"use client";
import { CheckCircle2Icon, PlugIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { SubjectChip } from "@/components/access/subject-chip";
import { SubjectPicker } from "@/components/access/subject-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { ActionError } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { connectMailboxInput, SYNC_PERIODS } from "@/lib/mailboxes/schemas";
import { MailErrorAlert } from "../../_components/mail-error-alert";
import { ProviderSelect, ServerFields } from "../../_components/server-fields";
import { connectMailboxAction, testConnectionAction } from "../../_lib/mailbox-actions";
import { FolderRules } from "./folder-rules";

export function ConnectForm({ owner, canChooseOwner }: { owner: SubjectLabel; canChooseOwner: boolean }) {
  const t = useTranslations("Connect");
  const router = useRouter();
  const form = useZodForm(connectMailboxInput, {
    ownerId: owner.refId,
    imapPort: 993,
    imapSecurity: "SSL",
    smtpEnabled: true,
    smtpPort: 465,
    smtpSecurity: "SSL",
    syncPeriod: "7",
    saveSentCopy: true,
    excludedFolders: [],
  });
  const [ownerLabel, setOwnerLabel] = useState(owner);
  const [folders, setFolders] = useState<string[] | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const [loginTouched, setLoginTouched] = useState(false);
  const { values, set, errorOf } = form;

  // Changing what is tested invalidates an earlier successful test.
  const change = (patch: Record<string, unknown>) => {
    set(patch);
    if (
      Object.keys(patch).some(
        (key) =>
          ![
            "name",
            "senderName",
            "syncPeriod",
            "saveSentCopy",
            "excludedFolders",
            "sentFolder",
            "trashFolder",
            "spamFolder",
          ].includes(key),
      )
    ) {
      setFolders(null);
    }
  };

  const run = (mode: "test" | "connect") => {
    const input = form.validate();
    if (!input) return;
    startTransition(async () => {
      setError(null);
      const result = mode === "test" ? await testConnectionAction(input) : await connectMailboxAction(input);
      if (!result.ok) {
        form.showServerErrors(result.error);
        setError(result.error.code === "VALIDATION" ? null : result.error);
        return;
      }
      if ("folders" in result.data) setFolders(result.data.folders);
      else router.push(`/webmail/mailboxes/${result.data.id}`);
    });
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        run("connect");
      }}
      noValidate
    >
      <Card className="flex flex-col gap-4 p-4 sm:p-5">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="owner" label={t("owner")} error={errorOf("ownerId")}>
            <div className="flex flex-wrap items-center gap-2" id="owner">
              <SubjectChip subject={{ kind: "USER", refId: ownerLabel.refId }} label={ownerLabel} />
              {canChooseOwner && (
                <SubjectPicker
                  kinds={["USER"]}
                  triggerLabel={t("changeOwner")}
                  onPick={(subject, label) => {
                    setOwnerLabel(label);
                    change({ ownerId: subject.refId });
                  }}
                />
              )}
            </div>
          </Field>
          <ProviderSelect set={change} />
        </div>
        <Field id="email" label={t("email")} error={errorOf("email")}>
          <Input
            {...describedBy("email", errorOf("email"))}
            type="email"
            value={String(values.email ?? "")}
            onChange={(event) =>
              change({ email: event.target.value, ...(loginTouched ? {} : { imapLogin: event.target.value }) })
            }
            dir="ltr"
            autoComplete="off"
          />
        </Field>
        <ServerFields
          values={values}
          set={(patch) => {
            if ("imapLogin" in patch) setLoginTouched(true);
            change(patch);
          }}
          errorOf={errorOf}
          credentials
        />
      </Card>

      <Card className="flex flex-col gap-4 p-4 sm:p-5">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="name" label={t("mailboxName")} error={errorOf("name")} hint={t("mailboxNameHint")}>
            <Input
              {...describedBy("name", errorOf("name"), true)}
              value={String(values.name ?? "")}
              onChange={(event) => change({ name: event.target.value })}
            />
          </Field>
          <Field id="senderName" label={t("senderName")} error={errorOf("senderName")}>
            <Input
              {...describedBy("senderName", errorOf("senderName"))}
              value={String(values.senderName ?? "")}
              onChange={(event) => change({ senderName: event.target.value })}
            />
          </Field>
          <Field id="syncPeriod" label={t("syncPeriod")}>
            <NativeSelect
              id="syncPeriod"
              value={String(values.syncPeriod)}
              onChange={(event) => change({ syncPeriod: event.target.value })}
            >
              {SYNC_PERIODS.map((period) => (
                <option key={period} value={period}>
                  {t(`periods.${period}`)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div className="flex items-center gap-2 sm:pt-7">
            <Checkbox
              id="saveSentCopy"
              checked={Boolean(values.saveSentCopy)}
              onCheckedChange={(checked) => change({ saveSentCopy: checked === true })}
            />
            <Label htmlFor="saveSentCopy">{t("saveSentCopy")}</Label>
          </div>
        </div>
        {folders && (
          <div className="flex flex-col gap-3 border-t pt-4">
            <p className="flex items-center gap-2 text-sm text-[oklch(0.42_0.12_150)]" data-testid="connection-ok">
              <CheckCircle2Icon className="size-4" />
              {t("testOk", { count: folders.length })}
            </p>
            <FolderRules folders={folders} values={values} set={change} />
          </div>
        )}
      </Card>

      {error && <MailErrorAlert error={error} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button
          type="button"
          variant="outline"
          onClick={() => run("test")}
          disabled={pending}
          data-testid="test-connection"
        >
          <PlugIcon /> {pending ? t("testing") : t("test")}
        </Button>
        <Button type="submit" disabled={pending} data-testid="connect-mailbox">
          {pending ? t("connecting") : t("connect")}
        </Button>
      </div>
    </form>
  );
}
