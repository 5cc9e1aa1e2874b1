"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionError } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { acceptInvitationAction } from "../_lib/actions";

/** Sets the password of an invited account, then goes to the sign-in page. */
export function AcceptForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("Invite");
  const validation = useTranslations("Validation");
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (field: string) => {
    const key = error?.fieldErrors?.[field];
    return key ? (validation.has(key) ? validation(key as "invalid") : validation("invalid")) : undefined;
  };
  const reason = error?.code === "NOT_FOUND" ? error.details?.reason : undefined;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await acceptInvitationAction({ token, password, confirm });
          if (!result.ok) {
            setError(result.error);
            return;
          }
          router.push("/login?invited=1");
        });
      }}
    >
      <Field id="invite-email" label={t("email")}>
        <Input id="invite-email" value={email} readOnly dir="ltr" autoComplete="username" />
      </Field>
      <Field id="invite-password" label={t("password")} hint={t("passwordHint")} error={fieldError("password")}>
        <Input
          {...describedBy("invite-password", fieldError("password"), true)}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </Field>
      <Field id="invite-confirm" label={t("confirm")} error={fieldError("confirm")}>
        <Input
          {...describedBy("invite-confirm", fieldError("confirm"))}
          type="password"
          autoComplete="new-password"
          dir="ltr"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
      </Field>
      {error && error.code !== "VALIDATION" && (
        <p
          role="alert"
          className="rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive"
          data-testid="invite-error"
        >
          {reason ? t(`states.${reason}` as "states.invalid") : t("failed")}
        </p>
      )}
      <Button type="submit" disabled={pending} data-testid="set-password">
        {pending ? t("saving") : t("setPassword")}
      </Button>
    </form>
  );
}
