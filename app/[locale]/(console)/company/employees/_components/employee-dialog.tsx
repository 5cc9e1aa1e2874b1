"use client";
import { PencilIcon, UserPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDialogSave } from "@/components/forms/use-dialog-save";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { employeeInput } from "@/lib/people/schemas";
import { PeopleErrorAlert } from "../../_components/people-error";
import { saveEmployeeAction } from "../_lib/actions";

export interface DepartmentChoice {
  id: number;
  name: string;
  depth: number;
}

export interface EditableEmployee {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  position: string | null;
  phones: string[];
  contactEmail: string | null;
  notificationEmail: string | null;
  isPortalAdmin: boolean;
  departmentIds: number[];
}

const TEXT_FIELDS = ["email", "firstName", "lastName", "position", "contactEmail", "notificationEmail"] as const;

/** Creates an employee (without `existing`) or edits one: contact data, departments, admin flag. */
export function EmployeeDialog({
  existing,
  departments,
}: {
  existing?: EditableEmployee;
  departments: DepartmentChoice[];
}) {
  const t = useTranslations("People");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  const initial = {
    email: existing?.email ?? "",
    firstName: existing?.firstName ?? "",
    lastName: existing?.lastName ?? "",
    position: existing?.position ?? "",
    phones: existing?.phones ?? [],
    contactEmail: existing?.contactEmail ?? "",
    notificationEmail: existing?.notificationEmail ?? "",
    isPortalAdmin: existing?.isPortalAdmin ?? false,
    departmentIds: existing?.departmentIds ?? [],
  };
  const form = useZodForm(employeeInput, initial);
  const { values, set, errorOf } = form;
  const { pending, error, setError, save } = useDialogSave(() => setOpen(false));
  const chosen = new Set(values.departmentIds as number[]);
  // Phones are typed as one comma-separated line and kept in the form as the list the schema checks.
  const [phonesText, setPhonesText] = useState(initial.phones.join(", "));
  const submit = () => {
    const parsed = form.validate();
    if (!parsed) return;
    save(() => saveEmployeeAction({ ...parsed, id: existing?.id }), form.showServerErrors);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          form.reset(initial);
          setPhonesText(initial.phones.join(", "));
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        {existing ? (
          <Button variant="outline" size="sm" data-testid="edit-employee">
            <PencilIcon />
            {t("edit")}
          </Button>
        ) : (
          <Button size="sm" data-testid="add-employee">
            <UserPlusIcon />
            {t("addEmployee")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        closeLabel={common("close")}
        aria-describedby={undefined}
        className="max-h-[90dvh] overflow-y-auto"
      >
        <DialogHeader>
          <DialogTitle>{existing ? t("editEmployee") : t("addEmployee")}</DialogTitle>
        </DialogHeader>
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {TEXT_FIELDS.map((field) => (
            <Field key={field} id={`employee-${field}`} label={t(`fields.${field}`)} error={errorOf(field)}>
              <Input
                {...describedBy(`employee-${field}`, errorOf(field))}
                dir={field.toLowerCase().includes("email") ? "ltr" : undefined}
                type={field.toLowerCase().includes("email") ? "email" : "text"}
                value={String(values[field] ?? "")}
                onChange={(event) => set({ [field]: event.target.value })}
              />
            </Field>
          ))}
          <Field id="employee-phones" label={t("fields.phones")} hint={t("phonesHint")} error={errorOf("phones.0")}>
            <Input
              {...describedBy("employee-phones", errorOf("phones.0"), true)}
              dir="ltr"
              value={phonesText}
              onChange={(event) => {
                setPhonesText(event.target.value);
                set({
                  phones: event.target.value
                    .split(/[,;]/)
                    .map((phone) => phone.trim())
                    .filter(Boolean),
                });
              }}
            />
          </Field>
          <label htmlFor="employee-admin" className="flex items-center gap-2 self-end text-sm">
            <Checkbox
              id="employee-admin"
              checked={Boolean(values.isPortalAdmin)}
              onCheckedChange={(checked) => set({ isPortalAdmin: checked === true })}
              data-testid="employee-admin"
            />
            {t("fields.isPortalAdmin")}
          </label>
          {errorOf("isPortalAdmin") && (
            <p className="text-sm text-destructive sm:col-span-2" role="alert">
              {errorOf("isPortalAdmin")}
            </p>
          )}
          <fieldset className="sm:col-span-2">
            <legend className="mb-1.5 text-sm font-medium">{t("fields.departments")}</legend>
            <div className="max-h-40 overflow-y-auto rounded-md border p-2">
              {departments.map((department) => (
                <label
                  key={department.id}
                  htmlFor={`employee-department-${department.id}`}
                  className="flex items-center gap-2 py-0.5 text-sm"
                  style={{ paddingInlineStart: department.depth * 12 }}
                >
                  <Checkbox
                    id={`employee-department-${department.id}`}
                    checked={chosen.has(department.id)}
                    onCheckedChange={(checked) =>
                      set({
                        departmentIds: checked
                          ? [...chosen, department.id]
                          : [...chosen].filter((id) => id !== department.id),
                      })
                    }
                  />
                  {department.name}
                </label>
              ))}
            </div>
            {errorOf("departmentIds") && <p className="text-sm text-destructive">{errorOf("departmentIds")}</p>}
          </fieldset>
          <div className="flex flex-col gap-3 sm:col-span-2">
            <PeopleErrorAlert error={error} />
            <DialogFormFooter pending={pending} onCancel={() => setOpen(false)} saveTestId="save-employee" />
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
