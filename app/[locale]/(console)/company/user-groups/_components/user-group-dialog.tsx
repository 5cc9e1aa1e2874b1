"use client";
import { PencilIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { userGroupInput } from "@/lib/people/schemas";
import { PeopleErrorAlert } from "../../_components/people-error";
import { PeoplePicker, type PickedPerson } from "../../_components/people-picker";
import { saveUserGroupAction } from "../_lib/actions";

export interface EditableUserGroup {
  id: number;
  name: string;
  description: string | null;
  members: PickedPerson[];
}

/** Creates or edits a user group: name, description, members. */
export function UserGroupDialog({ existing }: { existing?: EditableUserGroup }) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = { id: existing?.id, name: existing?.name ?? "", description: existing?.description ?? "" };
  const [members, setMembers] = useState<PickedPerson[]>(existing?.members ?? []);
  const form = useZodForm(userGroupInput, initial);
  const { values, set, errorOf } = form;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const label = existing ? t("editUserGroupOf", { name: existing.name }) : t("addUserGroup");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setMembers(existing?.members ?? []);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        {existing ? (
          <Button variant="ghost" size="icon-sm" aria-label={label} title={label} data-testid="edit-user-group">
            <PencilIcon />
          </Button>
        ) : (
          <Button size="sm" data-testid="add-user-group">
            <PlusIcon />
            {label}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{label}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = form.validate();
            if (parsed)
              save(
                () => saveUserGroupAction({ ...parsed, memberIds: members.map((member) => member.id) }),
                form.showServerErrors,
              );
          }}
        >
          <Field id="user-group-name" label={t("fields.groupName")} error={errorOf("name")}>
            <Input
              {...describedBy("user-group-name", errorOf("name"))}
              value={String(values.name ?? "")}
              onChange={(event) => set({ name: event.target.value })}
            />
          </Field>
          <Field id="user-group-description" label={t("fields.description")} error={errorOf("description")}>
            <Textarea
              {...describedBy("user-group-description", errorOf("description"))}
              rows={2}
              value={String(values.description ?? "")}
              onChange={(event) => set({ description: event.target.value })}
            />
          </Field>
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium">{t("members")}</legend>
            <PeoplePicker value={members} onChange={setMembers} triggerLabel={t("addMember")} />
          </fieldset>
          <PeopleErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-user-group" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
