"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isCleanName } from "@/lib/validation";

/** Asks for a role name (new role, clone, rename); checks it is not empty, taken or unclean. */
export function RoleNameDialog({
  open,
  title,
  initialName,
  takenNames,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  initialName: string;
  takenNames: string[];
  onCancel(): void;
  onConfirm(name: string): void;
}) {
  const t = useTranslations("AccessRights");
  const common = useTranslations("Common");
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setName(initialName);
      setError(null);
    }
  }, [open, initialName]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t("validation.required"));
    if (trimmed.length > 80) return setError(t("validation.tooLong"));
    if (!isCleanName(trimmed)) return setError(t("validation.disallowedCharacters"));
    if (takenNames.some((taken) => taken.toLocaleLowerCase() === trimmed.toLocaleLowerCase()))
      return setError(t("validation.duplicateName"));
    onConfirm(trimmed);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onCancel()}>
      <DialogContent closeLabel={common("close")}>
        <form onSubmit={submit} className="flex flex-col gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{t("roleNameHint")}</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="role-name">{t("roleName")}</Label>
            <Input
              id="role-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "role-name-error" : undefined}
              autoFocus
            />
            {error && (
              <p id="role-name-error" className="text-sm text-destructive">
                {error}
              </p>
            )}
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onCancel}>
              {common("cancel")}
            </Button>
            <Button type="submit">{common("save")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
