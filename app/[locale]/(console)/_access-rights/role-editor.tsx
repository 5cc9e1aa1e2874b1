"use client";
import { AlertTriangleIcon, Columns3Icon, PlusIcon, UndoIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { LEVEL, type PermissionDef } from "@/lib/access/catalog";
import type { RoleMatrix } from "@/lib/access/roles";
import type { SubjectLabel } from "@/lib/access/subject-directory";
import type { ActionError } from "@/lib/actions/result";
import type { AccessModule } from "@/lib/generated/prisma/enums";
import { reloadRoles, saveHiddenRoles, saveRoles } from "./actions";
import { RoleAssignments } from "./role-assignments";
import { RoleMatrixTable } from "./role-matrix";
import { useRoleName } from "./role-name";
import { RoleNameDialog } from "./role-name-dialog";
import { type DraftRole, useRoleDraft } from "./use-role-draft";

type NameDialog = { mode: "new" } | { mode: "clone"; from: DraftRole } | { mode: "rename"; role: DraftRole } | null;

export function RoleEditor({
  module,
  permissions,
  initial,
  initialLabels,
  initialHidden,
}: {
  module: AccessModule;
  permissions: readonly PermissionDef[];
  initial: RoleMatrix;
  initialLabels: Record<string, SubjectLabel>;
  initialHidden: number[];
}) {
  const t = useTranslations("AccessRights");
  const errorsT = useTranslations("ActionErrors");
  const roleName = useRoleName(module);
  const draft = useRoleDraft(initial);
  const [labels, setLabels] = useState(initialLabels);
  const [hidden, setHidden] = useState(() => new Set(initialHidden));
  const [dialog, setDialog] = useState<NameDialog>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [saving, startSaving] = useTransition();

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!draft.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [draft.dirty]);

  const visible = draft.roles
    .map((role, index) => ({ role, index }))
    .filter(({ role }) => role.id === null || !hidden.has(role.id));
  const names = draft.roles.map(roleName);

  const persistHidden = (next: Set<number>) => {
    setHidden(next);
    void saveHiddenRoles({ module, hiddenRoleIds: [...next] });
  };

  const save = () =>
    startSaving(async () => {
      const result = await saveRoles({
        module,
        revision: draft.revision,
        roles: draft.roles.map((role) => ({
          id: role.id,
          name: role.name,
          levels: role.levels,
          assignments: role.assignments,
        })),
      });
      if (!result.ok) {
        setError(result.error);
        if (result.error.code !== "CONFLICT") toast.error(errorsT(result.error.code));
        return;
      }
      setError(null);
      setLabels((current) => ({ ...current, ...result.data.labels }));
      draft.reset(result.data.matrix);
      toast.success(t("saved"));
    });

  const reload = () =>
    startSaving(async () => {
      const result = await reloadRoles({ module });
      if (!result.ok) return void toast.error(errorsT(result.error.code));
      setLabels((current) => ({ ...current, ...result.data.labels }));
      draft.reset(result.data.matrix);
      setError(null);
    });

  const confirmName = (name: string) => {
    if (dialog?.mode === "new")
      draft.add(name, Object.fromEntries(permissions.map((permission) => [permission.key, LEVEL.NONE])));
    if (dialog?.mode === "clone") draft.add(name, dialog.from.levels);
    if (dialog?.mode === "rename") draft.rename(dialog.role.key, name);
    setDialog(null);
  };

  const fieldErrors = error?.code === "VALIDATION" ? (error.fieldErrors ?? {}) : {};
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="outline" onClick={() => setDialog({ mode: "new" })}>
          <PlusIcon /> {t("newRole")}
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" data-testid="role-columns">
              <Columns3Icon /> {t("columns")}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent>
            <DropdownMenuLabel>{t("showColumns")}</DropdownMenuLabel>
            {draft.roles.flatMap((role) =>
              role.id === null
                ? []
                : [
                    <DropdownMenuCheckboxItem
                      key={role.key}
                      checked={!hidden.has(role.id)}
                      onSelect={(event) => event.preventDefault()}
                      onCheckedChange={(checked) => {
                        const next = new Set(hidden);
                        if (checked) next.delete(role.id!);
                        else next.add(role.id!);
                        persistHidden(next);
                      }}
                    >
                      {roleName(role)}
                    </DropdownMenuCheckboxItem>,
                  ],
            )}
          </DropdownMenuContent>
        </DropdownMenu>
        <div className="ms-auto flex items-center gap-2">
          {draft.dirty && <span className="text-sm text-muted-foreground">{t("unsavedChanges")}</span>}
          <Button variant="ghost" onClick={draft.discard} disabled={!draft.dirty || saving}>
            <UndoIcon /> {t("discard")}
          </Button>
          <Button onClick={save} disabled={!draft.dirty || saving} data-testid="save-roles">
            {saving ? t("saving") : t("save")}
          </Button>
        </div>
      </div>

      {error?.code === "CONFLICT" && (
        <div
          role="alert"
          data-testid="conflict"
          className="flex flex-wrap items-center gap-3 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm"
        >
          <AlertTriangleIcon className="size-4 shrink-0" />
          <span className="flex-1">{t("conflict")}</span>
          <Button size="sm" variant="outline" onClick={reload}>
            {t("reload")}
          </Button>
        </div>
      )}
      {error?.code === "VALIDATION" && (
        <p role="alert" className="text-sm text-destructive">
          {errorsT("VALIDATION")}
        </p>
      )}

      <RoleMatrixTable
        module={module}
        permissions={permissions}
        roles={visible}
        errors={fieldErrors}
        onLevel={(role, permission, level) => draft.setLevel(role.key, permission, level)}
        menu={{
          onRename: (role) => setDialog({ mode: "rename", role }),
          onClone: (role) => setDialog({ mode: "clone", from: role }),
          onHide: (role) => (role.id === null ? undefined : persistHidden(new Set([...hidden, role.id]))),
          onDelete: (role) => {
            if (window.confirm(t("deleteConfirm", { name: roleName(role) }))) draft.remove(role.key);
          },
        }}
      />
      {hidden.size > 0 && <p className="text-xs text-muted-foreground">{t("hiddenColumns", { count: hidden.size })}</p>}

      <RoleAssignments
        module={module}
        roles={visible}
        labels={labels}
        errors={fieldErrors}
        onAdd={(role, subject, label) => {
          setLabels((current) => ({ ...current, [label.key]: label }));
          draft.addSubject(role.key, subject);
        }}
        onRemove={(role, subject) => draft.removeSubject(role.key, subject)}
      />

      <RoleNameDialog
        open={dialog !== null}
        title={dialog?.mode === "rename" ? t("renameRole") : dialog?.mode === "clone" ? t("cloneRole") : t("newRole")}
        initialName={
          dialog?.mode === "rename"
            ? roleName(dialog.role)
            : dialog?.mode === "clone"
              ? t("copyOf", { name: roleName(dialog.from) })
              : ""
        }
        takenNames={names.filter((name) => dialog?.mode !== "rename" || name !== roleName(dialog.role))}
        onCancel={() => setDialog(null)}
        onConfirm={confirmName}
      />
    </div>
  );
}
