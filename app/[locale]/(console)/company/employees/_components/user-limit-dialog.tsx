"use client";
import { GaugeIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PeopleErrorAlert } from "../../_components/people-error";
import { saveUserLimitAction } from "../_lib/actions";

/** The licence's user limit: shown as "used / limit", edited by administrators (empty: no limit). */
export function UserLimitDialog({ limit, counted }: { limit: number | null; counted: number }) {
  const t = useTranslations("People");
  const validation = useTranslations("Validation");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(limit?.toString() ?? "");
  const [invalid, setInvalid] = useState(false);
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setText(limit?.toString() ?? "");
          setInvalid(false);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost" data-testid="user-limit">
          <GaugeIcon />
          {limit === null ? t("usersNoLimit", { count: counted }) : t("usersOfLimit", { count: counted, limit })}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("userLimit")}</DialogTitle>
          <DialogDescription>{t("userLimitHint")}</DialogDescription>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const value = text.trim() === "" ? null : Number(text);
            if (value !== null && (!Number.isInteger(value) || value < 1 || value > 1_000_000)) {
              setInvalid(true);
              return;
            }
            save(
              () => saveUserLimitAction({ userLimit: value }),
              () => setInvalid(true),
            );
          }}
        >
          <Field id="user-limit-value" label={t("userLimit")} error={invalid ? validation("invalidNumber") : undefined}>
            <Input
              {...describedBy("user-limit-value", invalid ? "x" : undefined)}
              inputMode="numeric"
              dir="ltr"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setInvalid(false);
              }}
            />
          </Field>
          <PeopleErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
