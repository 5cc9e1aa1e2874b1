"use client";
import { PencilIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { workGroupInput } from "@/lib/people/schemas";
import { PeopleErrorAlert } from "../../_components/people-error";
import { PeoplePicker, type PickedPerson } from "../../_components/people-picker";
import { saveWorkGroupAction } from "../_lib/actions";

type Role = "OWNER" | "MODERATOR" | "MEMBER";
export interface EditableWorkGroup {
  id: number;
  name: string;
  description: string | null;
  isExternal: boolean;
  members: { role: Role; user: PickedPerson }[];
}

const ROLES: Role[] = ["OWNER", "MODERATOR", "MEMBER"];

/** Creates a workgroup or edits one: name, description, internal or external, members and roles. */
export function WorkGroupDialog({ existing }: { existing?: EditableWorkGroup }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const validation = useTranslations("Validation");
  const [open, setOpen] = useState(false);
  const initialMembers = existing?.members ?? [];
  const initial = {
    id: existing?.id,
    name: existing?.name ?? "",
    description: existing?.description ?? "",
    isExternal: existing?.isExternal ?? false,
  };
  const [members, setMembers] = useState(initialMembers);
  const form = useZodForm(workGroupInput, initial);
  const { values, set, errorOf } = form;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const membersError = error?.fieldErrors?.members;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setMembers(initialMembers);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        {existing ? (
          <Button size="sm" variant="outline" data-testid="edit-workgroup">
            <PencilIcon />
            {t("edit")}
          </Button>
        ) : (
          <Button size="sm" data-testid="add-workgroup">
            <PlusIcon />
            {t("addWorkGroup")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        closeLabel={common("close")}
        aria-describedby={undefined}
        className="max-h-[90dvh] overflow-y-auto"
      >
        <DialogHeader>
          <DialogTitle>{existing ? t("editWorkGroup") : t("addWorkGroup")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = form.validate();
            if (!parsed) return;
            const payload = {
              ...parsed,
              members: members.map((member) => ({ userId: member.user.id, role: member.role })),
            };
            save(() => saveWorkGroupAction(payload), form.showServerErrors);
          }}
        >
          <Field id="workgroup-name" label={t("fields.groupName")} error={errorOf("name")}>
            <Input
              {...describedBy("workgroup-name", errorOf("name"))}
              value={String(values.name ?? "")}
              onChange={(event) => set({ name: event.target.value })}
            />
          </Field>
          <Field id="workgroup-description" label={t("fields.description")} error={errorOf("description")}>
            <Textarea
              {...describedBy("workgroup-description", errorOf("description"))}
              rows={2}
              value={String(values.description ?? "")}
              onChange={(event) => set({ description: event.target.value })}
            />
          </Field>
          <label htmlFor="workgroup-external" className="flex items-center gap-2 text-sm">
            <Checkbox
              id="workgroup-external"
              checked={Boolean(values.isExternal)}
              onCheckedChange={(checked) => set({ isExternal: checked === true })}
              data-testid="workgroup-external"
            />
            {t("fields.isExternal")}
          </label>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("members")}</legend>
            <ul className="flex flex-col gap-1.5">
              {members.map((member) => (
                <li key={member.user.id} className="flex items-center gap-2 text-sm" data-testid="workgroup-member-row">
                  <UserAvatar user={member.user} className="size-6 text-[10px]" />
                  <span className="min-w-0 flex-1 truncate">{`${member.user.firstName} ${member.user.lastName}`}</span>
                  <NativeSelect
                    aria-label={t("roleOf", { name: `${member.user.firstName} ${member.user.lastName}` })}
                    className="w-36"
                    value={member.role}
                    onChange={(event) =>
                      setMembers(
                        members.map((other) =>
                          other.user.id === member.user.id ? { ...other, role: event.target.value as Role } : other,
                        ),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </NativeSelect>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => setMembers(members.filter((other) => other.user.id !== member.user.id))}
                  >
                    {t("remove")}
                  </Button>
                </li>
              ))}
            </ul>
            <PeoplePicker
              value={[]}
              triggerLabel={t("addMember")}
              onChange={(picked) => {
                const added = picked.filter((person) => !members.some((member) => member.user.id === person.id));
                setMembers([...members, ...added.map((user) => ({ user, role: "MEMBER" as Role }))]);
              }}
            />
            {membersError && (
              <p className="text-sm text-destructive" role="alert">
                {validation.has(membersError) ? validation(membersError as "invalid") : validation("invalid")}
              </p>
            )}
          </fieldset>
          <PeopleErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-workgroup" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
