"use client";
import { BanIcon, PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { describedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useRouter } from "@/lib/i18n/navigation";
import { addBlacklistNumberAction, removeBlacklistNumberAction } from "../_lib/actions";
import { blacklistNumberSchema } from "../_lib/schemas";

export function BlacklistEditor({ numbers }: { numbers: string[] }) {
  const t = useTranslations("TelephonySettings");
  const validation = useTranslations("Validation");
  const errors = useTranslations("ActionErrors");
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = blacklistNumberSchema.safeParse(value);
    if (!parsed.success) return setError(validation((parsed.error.issues[0]?.message ?? "invalid") as "invalid"));
    if (numbers.includes(parsed.data)) return setError(validation("alreadyBlacklisted"));
    setError(undefined);
    startTransition(async () => {
      const result = await addBlacklistNumberAction({ number: value });
      if (!result.ok) {
        const key = result.error.fieldErrors?.number;
        return key ? setError(validation(key as "invalid")) : void toast.error(errors(result.error.code));
      }
      setValue("");
      toast.success(t("blacklist.added", { number: result.data.number }));
      router.refresh();
    });
  };

  const remove = (number: string) =>
    startTransition(async () => {
      const result = await removeBlacklistNumberAction({ number });
      if (!result.ok) return void toast.error(errors(result.error.code));
      toast.success(t("blacklist.removed", { number }));
      router.refresh();
    });

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("blacklist.title")}</CardTitle>
        <CardDescription>{t("blacklist.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={add} className="flex flex-col gap-1.5" noValidate>
          <Label htmlFor="blacklist-number">{t("blacklist.number")}</Label>
          <div className="flex gap-2">
            <Input
              {...describedBy("blacklist-number", error)}
              dir="ltr"
              inputMode="tel"
              autoComplete="off"
              placeholder="+49 30 1234567"
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
            <Button type="submit" disabled={pending}>
              <PlusIcon /> {t("blacklist.add")}
            </Button>
          </div>
          {error && (
            <p id="blacklist-number-error" role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
        </form>
        {numbers.length === 0 ? (
          <EmptyState icon={<BanIcon />} title={t("blacklist.empty")} className="py-6" />
        ) : (
          <ul className="flex flex-col divide-y rounded-md border" data-testid="blacklist">
            {numbers.map((number) => (
              <li key={number} className="flex items-center justify-between gap-2 px-3 py-1.5">
                <span dir="ltr" className="font-mono text-sm">
                  {number}
                </span>
                <Button
                  variant="ghost"
                  size="icon"
                  disabled={pending}
                  aria-label={t("blacklist.remove", { number })}
                  onClick={() => remove(number)}
                >
                  <XIcon />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
