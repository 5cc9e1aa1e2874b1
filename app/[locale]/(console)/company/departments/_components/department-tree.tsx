"use client";
import { ChevronRightIcon, CrownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import type { DepartmentNode } from "@/lib/org/departments";
import { cn, fullName } from "@/lib/utils";
import { DeleteDepartment } from "./delete-department";
import { DepartmentDialog } from "./department-dialog";

/** The department tree as nested lists with disclosure buttons; the first two levels start open. */
export function DepartmentTree({ nodes, editable = false }: { nodes: DepartmentNode[]; editable?: boolean }) {
  const t = useTranslations("Departments");
  const children = useMemo(() => {
    const map = new Map<number | null, DepartmentNode[]>();
    for (const node of nodes) map.set(node.parentId, [...(map.get(node.parentId) ?? []), node]);
    return map;
  }, [nodes]);
  const [open, setOpen] = useState<Set<number>>(
    () => new Set(nodes.filter((node) => node.depth < 2).map((node) => node.id)),
  );
  const toggle = (id: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderLevel = (parentId: number | null, level: number) => (
    <ul className={cn(level > 1 && "ms-4 border-s ps-2")}>
      {(children.get(parentId) ?? []).map((node) => {
        const hasChildren = (children.get(node.id)?.length ?? 0) > 0;
        const expanded = open.has(node.id);
        return (
          <li key={node.id}>
            <div
              className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-1 py-1.5 hover:bg-muted/50"
              data-testid="department-row"
            >
              <Button
                variant="ghost"
                size="icon-sm"
                className={cn("size-6", !hasChildren && "invisible")}
                onClick={() => toggle(node.id)}
                aria-expanded={hasChildren ? expanded : undefined}
                aria-label={expanded ? t("collapse", { name: node.name }) : t("expand", { name: node.name })}
                tabIndex={hasChildren ? 0 : -1}
              >
                <ChevronRightIcon
                  className={cn("transition-transform rtl:rotate-180", expanded && "rotate-90 rtl:rotate-90")}
                />
              </Button>
              <span className="min-w-0 flex-1 truncate font-medium">{node.name}</span>
              <span className="flex items-center gap-1.5 text-sm text-muted-foreground">
                {node.head ? (
                  <>
                    <CrownIcon className="size-3.5 text-warning" aria-label={t("head")} />
                    <UserAvatar user={node.head} className="size-5 text-[9px]" />
                    <span className="max-w-44 truncate">{fullName(node.head)}</span>
                  </>
                ) : (
                  <span className="italic">{t("noHead")}</span>
                )}
              </span>
              <span className="w-full text-xs text-muted-foreground sm:w-56 sm:text-end">
                {t("members", { count: node.directMembers })}
                {hasChildren && <> · {t("withSub", { count: node.totalPeople })}</>}
              </span>
              {editable && (
                <span className="flex items-center">
                  <DepartmentDialog parent={node} nodes={nodes} />
                  <DepartmentDialog existing={node} nodes={nodes} />
                  {node.parentId !== null && <DeleteDepartment id={node.id} name={node.name} />}
                </span>
              )}
            </div>
            {hasChildren && expanded && renderLevel(node.id, level + 1)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <Button variant="outline" size="sm" onClick={() => setOpen(new Set(nodes.map((node) => node.id)))}>
          {t("expandAll")}
        </Button>
        <Button variant="outline" size="sm" onClick={() => setOpen(new Set())}>
          {t("collapseAll")}
        </Button>
      </div>
      {renderLevel(null, 1)}
    </div>
  );
}
