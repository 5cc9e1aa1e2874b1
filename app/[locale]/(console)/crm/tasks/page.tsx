import { ListTodoIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSection } from "@/lib/access/request";
import { myTasks } from "@/lib/crm/tasks";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { TaskList } from "../_components/task-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/crm/tasks">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CrmPages" }))("tasksPage.title") };
}

/** Tasks assigned to me: open ones by deadline, and — on request — the done ones too. */
export default async function MyTasksPage({ params, searchParams }: PageProps<"/[locale]/crm/tasks">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await requireSection("crmTasks");
  const includeDone = (await searchParams).done === "1";
  const tasks = await myTasks(db, viewer.id, { includeDone });
  const t = await getTranslations("CrmPages");
  return (
    <>
      <PageHeader
        title={t("tasksPage.title")}
        description={t("tasksPage.subtitle")}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={includeDone ? "/crm/tasks" : "/crm/tasks?done=1"}>
              {t(includeDone ? "tasksPage.hideDone" : "tasksPage.showDone")}
            </Link>
          </Button>
        }
      />
      <Card className="p-4">
        {tasks.length === 0 ? (
          <EmptyState icon={<ListTodoIcon />} title={t("tasksPage.empty")} hint={t("tasksPage.emptyHint")} />
        ) : (
          <TaskList
            now={new Date().toISOString()}
            tasks={tasks.map((task) => ({
              id: task.id,
              title: task.title,
              description: task.description,
              deadline: task.deadline?.toISOString() ?? null,
              status: task.status,
              messageSubject: task.messageSubject,
              about: task.lead
                ? { href: `/crm/leads/${task.lead.id}`, label: task.lead.title }
                : task.contact
                  ? { href: `/crm/contacts/${task.contact.id}`, label: task.contact.name }
                  : null,
            }))}
          />
        )}
      </Card>
    </>
  );
}
