"use client";
import { CheckIcon, CopyIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useRouter } from "@/lib/i18n/navigation";
import { createApiTokenAction, revokeApiTokenAction } from "../_lib/actions";
import { createTokenInput } from "../_lib/schemas";

/** Creates a token and shows it once: after the dialog closes, only its prefix is ever shown again. */
export function CreateTokenForm() {
  const t = useTranslations("TelephonySettings");
  const common = useTranslations("Common");
  const validation = useTranslations("Validation");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = createTokenInput.safeParse({ name });
    if (!parsed.success) return setError(validation((parsed.error.issues[0]?.message ?? "invalid") as "invalid"));
    setError(undefined);
    startTransition(async () => {
      const result = await createApiTokenAction(parsed.data);
      if (!result.ok) {
        const key = result.error.fieldErrors?.name;
        return key ? setError(validation(key as "invalid")) : void toast.error(errors(result.error.code));
      }
      setName("");
      setCopied(false);
      setCreated({ name: result.data.name, token: result.data.token });
      router.refresh();
    });
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      toast.error(t("tokens.copyFailed"));
    }
  };

  return (
    <>
      <form onSubmit={submit} className="flex flex-col gap-1.5" noValidate>
        <Label htmlFor="token-name">{t("tokens.newName")}</Label>
        <div className="flex max-w-xl gap-2">
          <Input
            {...describedBy("token-name", error)}
            autoComplete="off"
            placeholder={t("tokens.namePlaceholder")}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="submit" disabled={pending}>
            <PlusIcon /> {t("tokens.create")}
          </Button>
        </div>
        {error && (
          <p id="token-name-error" role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </form>
      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        <DialogContent closeLabel={common("close")}>
          <DialogHeader>
            <DialogTitle>{t("tokens.createdTitle", { name: created?.name ?? "" })}</DialogTitle>
            <DialogDescription>{t("tokens.createdText")}</DialogDescription>
          </DialogHeader>
          <div className="flex items-center gap-2">
            <Input
              readOnly
              dir="ltr"
              aria-label={t("tokens.token")}
              value={created?.token ?? ""}
              className="font-mono text-xs"
              data-testid="new-token"
              onFocus={(event) => event.currentTarget.select()}
            />
            <Button type="button" variant="outline" onClick={copy}>
              {copied ? <CheckIcon /> : <CopyIcon />} {copied ? t("tokens.copied") : t("tokens.copy")}
            </Button>
          </div>
          <DialogFooter>
            <Button type="button" onClick={() => setCreated(null)}>
              {t("tokens.done")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("TelephonySettings");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm" className="text-destructive" aria-label={t("tokens.revokeLabel", { name })}>
          {t("tokens.revoke")}
        </Button>
      }
      title={t("tokens.revokeTitle", { name })}
      description={t("tokens.revokeText")}
      confirmLabel={t("tokens.revokeConfirm")}
      run={() => revokeApiTokenAction({ id })}
      onDone={() => {
        toast.success(t("tokens.revoked", { name }));
        router.refresh();
      }}
    />
  );
}
