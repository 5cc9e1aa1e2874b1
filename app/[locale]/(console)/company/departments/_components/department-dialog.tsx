"use client";
import { PencilIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { DepartmentNode } from "@/lib/org/departments";
import { departmentInput } from "@/lib/people/schemas";
import { PeopleErrorAlert } from "../../_components/people-error";
import { PeoplePicker, type PickedPerson } from "../../_components/people-picker";
import { saveDepartmentAction } from "../_lib/actions";

/** Adds a sub-department under `parent`, or edits `existing`: name, place in the tree, head. */
export function DepartmentDialog({
  existing,
  parent,
  nodes,
}: {
  existing?: DepartmentNode;
  parent?: DepartmentNode;
  nodes: DepartmentNode[];
}) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initialHead: PickedPerson[] = existing?.head ? [existing.head] : [];
  const initial = {
    id: existing?.id,
    name: existing?.name ?? "",
    parentId: existing ? existing.parentId : (parent?.id ?? null),
    headId: existing?.head?.id ?? null,
  };
  const [head, setHead] = useState<PickedPerson[]>(initialHead);
  const form = useZodForm(departmentInput, initial);
  const { values, set, errorOf } = form;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const label = existing
    ? t("editDepartmentOf", { name: existing.name })
    : t("addSubDepartmentOf", { name: parent?.name ?? "" });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setHead(initialHead);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={label}
          title={label}
          data-testid={existing ? "edit-department" : "add-department"}
        >
          {existing ? <PencilIcon /> : <PlusIcon />}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{existing ? t("editDepartment") : t("addDepartment")}</DialogTitle>
        </DialogHeader>
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = form.validate();
            if (parsed) save(() => saveDepartmentAction(parsed), form.showServerErrors);
          }}
        >
          <Field id="department-name" label={t("fields.departmentName")} error={errorOf("name")}>
            <Input
              {...describedBy("department-name", errorOf("name"))}
              value={String(values.name ?? "")}
              onChange={(event) => set({ name: event.target.value })}
            />
          </Field>
          {values.parentId !== null && (
            <Field id="department-parent" label={t("fields.parent")} error={errorOf("parentId")}>
              <NativeSelect
                {...describedBy("department-parent", errorOf("parentId"))}
                value={String(values.parentId)}
                onChange={(event) => set({ parentId: Number(event.target.value) })}
              >
                {nodes.map((node) => (
                  <option key={node.id} value={node.id}>
                    {`${"\u00a0\u00a0".repeat(node.depth)}${node.name}`}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          )}
          <Field id="department-head" label={t("fields.head")} error={errorOf("headId")}>
            <PeoplePicker
              value={head}
              single
              triggerLabel={t("chooseHead")}
              onChange={(next) => {
                setHead(next);
                set({ headId: next[0]?.id ?? null });
              }}
            />
          </Field>
          <PeopleErrorAlert error={error} />
          <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-department" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
