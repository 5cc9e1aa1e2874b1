"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { cn, fullName } from "@/lib/utils";
import { setTaskStatusAction } from "../_lib/actions";

export interface TaskView {
  id: number;
  title: string;
  description?: string;
  deadline: string | null;
  status: "OPEN" | "DONE";
  responsible?: { id: number; firstName: string; lastName: string } | null;
  about?: { href: string; label: string } | null;
  messageSubject?: string | null;
}

/** Tasks with a done checkbox; overdue open tasks are marked. */
export function TaskList({ tasks, now }: { tasks: TaskView[]; now: string }) {
  const t = useTranslations("CrmPages");
  const errors = useTranslations("ActionErrors");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (tasks.length === 0) return <p className="text-sm text-muted-foreground">{t("noTasks")}</p>;
  return (
    <ul className="flex flex-col divide-y" data-testid="task-list">
      {tasks.map((task) => {
        const overdue = task.status === "OPEN" && task.deadline !== null && task.deadline < now;
        return (
          <li key={task.id} className="flex items-start gap-3 py-2.5" data-testid="task" data-status={task.status}>
            <Checkbox
              id={`task-${task.id}`}
              className="mt-0.5"
              checked={task.status === "DONE"}
              disabled={pending}
              aria-label={t("markDone", { title: task.title })}
              onCheckedChange={(checked) =>
                startTransition(async () => {
                  const result = await setTaskStatusAction({ taskId: task.id, done: checked === true });
                  if (!result.ok) toast.error(errors(result.error.code));
                  router.refresh();
                })
              }
            />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <label
                htmlFor={`task-${task.id}`}
                dir="auto"
                className={cn("font-medium", task.status === "DONE" && "text-muted-foreground line-through")}
              >
                {task.title}
              </label>
              {task.description && (
                <p className="text-sm text-muted-foreground" dir="auto">
                  {task.description}
                </p>
              )}
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                {task.deadline && (
                  <span className={cn(overdue && "font-medium text-[oklch(0.48_0.2_27)]")}>
                    {t("due", { date: format.dateTime(new Date(task.deadline), { dateStyle: "medium" }) })}
                  </span>
                )}
                {overdue && (
                  // The theme's destructive red on its own tint is below 4.5:1; a darker text keeps the hue.
                  <Badge variant="destructive" className="text-[oklch(0.48_0.2_27)]">
                    {t("overdue")}
                  </Badge>
                )}
                {task.responsible && <span>{fullName(task.responsible)}</span>}
                {task.about && (
                  <Link href={task.about.href} className="underline">
                    {task.about.label}
                  </Link>
                )}
                {task.messageSubject && <span>{t("fromMessage", { subject: task.messageSubject })}</span>}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
