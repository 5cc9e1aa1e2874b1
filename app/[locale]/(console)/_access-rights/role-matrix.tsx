"use client";
import { CopyIcon, EyeOffIcon, MoreHorizontalIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { NativeSelect } from "@/components/ui/input";
import type { PermissionDef } from "@/lib/access/catalog";
import type { FieldErrors } from "@/lib/errors";
import type { AccessModule } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { useRoleName } from "./role-name";
import type { DraftRole } from "./use-role-draft";

export interface RoleMenuHandlers {
  onRename(role: DraftRole): void;
  onClone(role: DraftRole): void;
  onHide(role: DraftRole): void;
  onDelete(role: DraftRole): void;
}

/** Roles as columns, permissions as rows, a level selector in every cell (SPEC §4.3). */
export function RoleMatrixTable({
  module,
  permissions,
  roles,
  errors,
  onLevel,
  menu,
}: {
  module: AccessModule;
  permissions: readonly PermissionDef[];
  roles: { role: DraftRole; index: number }[];
  errors: FieldErrors;
  onLevel(role: DraftRole, permission: string, level: number): void;
  menu: RoleMenuHandlers;
}) {
  const t = useTranslations("AccessRights");
  const roleName = useRoleName(module);
  return (
    <div className="overflow-x-auto rounded-lg border bg-card">
      <table className="w-full border-collapse text-sm" data-testid="role-matrix">
        <thead>
          <tr className="border-b bg-muted/50">
            <th
              scope="col"
              className="sticky start-0 z-10 min-w-36 bg-muted/95 sm:min-w-52 px-3 py-2 text-start text-xs font-medium text-muted-foreground"
            >
              {t("permission")}
            </th>
            {roles.map(({ role, index }) => (
              <th
                key={role.key}
                scope="col"
                className="min-w-44 px-2 py-2 text-start align-top"
                data-testid="role-column"
              >
                <div className="flex items-start justify-between gap-1">
                  <div className="min-w-0">
                    <div className="truncate font-semibold" data-testid="role-name">
                      {roleName(role) || t("unnamedRole")}
                    </div>
                    {role.systemCode && <Badge variant="secondary">{t("systemRole")}</Badge>}
                    {role.id === null && <Badge variant="warning">{t("unsaved")}</Badge>}
                    {errors[`roles.${index}.name`] && (
                      <p className="text-xs font-normal text-destructive">
                        {t(`validation.${errors[`roles.${index}.name`]}` as "validation.required")}
                      </p>
                    )}
                  </div>
                  <DropdownMenu>
                    <DropdownMenuTrigger asChild>
                      <Button variant="ghost" size="icon-sm" aria-label={t("roleMenu", { name: roleName(role) })}>
                        <MoreHorizontalIcon />
                      </Button>
                    </DropdownMenuTrigger>
                    <DropdownMenuContent align="end">
                      <DropdownMenuItem onSelect={() => menu.onRename(role)}>
                        <PencilIcon /> {t("rename")}
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => menu.onClone(role)}>
                        <CopyIcon /> {t("clone")}
                      </DropdownMenuItem>
                      <DropdownMenuItem onSelect={() => menu.onHide(role)}>
                        <EyeOffIcon /> {t("hideColumn")}
                      </DropdownMenuItem>
                      {!role.systemCode && (
                        <>
                          <DropdownMenuSeparator />
                          <DropdownMenuItem variant="destructive" onSelect={() => menu.onDelete(role)}>
                            <Trash2Icon /> {t("deleteRole")}
                          </DropdownMenuItem>
                        </>
                      )}
                    </DropdownMenuContent>
                  </DropdownMenu>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {permissions.map((permission) => (
            <tr key={permission.key} className="border-b last:border-0">
              <th scope="row" className="sticky start-0 z-10 bg-card px-3 py-2 text-start align-middle font-normal">
                <span className="flex items-center gap-2">
                  {permission.code && (
                    <Badge variant="outline" className="font-mono">
                      {permission.code}
                    </Badge>
                  )}
                  <span>{t(`permissions.${permission.key}` as "permissions.webmail.editRights")}</span>
                </span>
              </th>
              {roles.map(({ role, index }) => {
                const invalid = errors[`roles.${index}.levels.${permission.key}`];
                return (
                  <td key={role.key} className="px-2 py-1.5">
                    <NativeSelect
                      value={role.levels[permission.key] ?? 0}
                      onChange={(event) => onLevel(role, permission.key, Number(event.target.value))}
                      aria-label={t("cellLabel", {
                        role: roleName(role),
                        permission: t(`permissions.${permission.key}` as "permissions.webmail.editRights"),
                      })}
                      aria-invalid={invalid ? true : undefined}
                      className={cn("h-8", (role.levels[permission.key] ?? 0) === 0 && "text-muted-foreground")}
                      data-permission={permission.key}
                    >
                      {permission.levels.map((level) => (
                        <option key={level.value} value={level.value}>
                          {t(`levels.${level.key}` as "levels.yes")}
                        </option>
                      ))}
                    </NativeSelect>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
