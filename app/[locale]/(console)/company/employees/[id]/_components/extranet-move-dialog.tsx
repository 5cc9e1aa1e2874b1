"use client";
import { GlobeIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
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
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { moveToExtranetInput } from "@/lib/people/schemas";
import { PeopleErrorAlert } from "../../../_components/people-error";
import { moveToExtranetAction } from "../../_lib/actions";

type Mode = "newEmail" | "keepEmail";

/**
 * The move-to-extranet wizard (SPEC §7): deactivate the employee and invite them as an external
 * user into an external group, with a new address — or keeping the former one, after replacing
 * the deactivated profile's address.
 */
export function ExtranetMoveDialog({
  userId,
  name,
  email,
  groups,
}: {
  userId: number;
  name: string;
  email: string;
  groups: { id: number; name: string }[];
}) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = {
    mode: "newEmail" as Mode,
    userId,
    workGroupId: groups[0]?.id ?? 0,
    externalEmail: "",
    replacementEmail: "",
  };
  const form = useZodForm(moveToExtranetInput, initial);
  const { values, set, errorOf } = form;
  const mode = values.mode as Mode;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const emailField = mode === "newEmail" ? "externalEmail" : "replacementEmail";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="move-to-extranet">
          <GlobeIcon />
          {t("moveToExtranet")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("moveTitle", { name })}</DialogTitle>
          <DialogDescription>{t("moveHint")}</DialogDescription>
        </DialogHeader>
        {groups.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="no-external-groups">
            {t("noExternalGroups")}
          </p>
        ) : (
          <form
            className="flex flex-col gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = form.validate();
              if (!parsed) return;
              save(async () => {
                const result = await moveToExtranetAction(parsed);
                if (result.ok && result.data.remindNotificationEmail)
                  toast.info(t("remindNotificationEmail"), { duration: 15_000 });
                return result;
              }, form.showServerErrors);
            }}
          >
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("moveMode")}</legend>
              {(["newEmail", "keepEmail"] as const).map((option) => (
                <label key={option} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="move-mode"
                    className="mt-1 accent-primary"
                    checked={mode === option}
                    onChange={() => set({ mode: option })}
                    data-testid={`mode-${option}`}
                  />
                  <span>{t(`moveModes.${option}`, { email })}</span>
                </label>
              ))}
            </fieldset>
            <Field id="move-group" label={t("externalGroup")} error={errorOf("workGroupId")}>
              <NativeSelect
                {...describedBy("move-group", errorOf("workGroupId"))}
                value={String(values.workGroupId)}
                onChange={(event) => set({ workGroupId: Number(event.target.value) })}
              >
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field
              id="move-email"
              label={mode === "newEmail" ? t("externalEmail") : t("replacementEmail")}
              hint={mode === "keepEmail" ? t("replacementHint", { email }) : undefined}
              error={errorOf(emailField)}
            >
              <Input
                {...describedBy("move-email", errorOf(emailField), mode === "keepEmail")}
                type="email"
                dir="ltr"
                value={String(values[emailField] ?? "")}
                onChange={(event) => set({ [emailField]: event.target.value })}
              />
            </Field>
            <PeopleErrorAlert error={error} />
            <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="confirm-move" />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
