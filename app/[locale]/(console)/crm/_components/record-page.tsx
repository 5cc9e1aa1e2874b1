// The layout of a lead's or contact's page: fields, timeline, tasks.
import { ChevronLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Viewer } from "@/lib/auth/viewer";
import type { TimelineItem } from "@/lib/crm/detail";
import { Link } from "@/lib/i18n/navigation";
import { TaskDialog } from "./task-dialog";
import { TaskList } from "./task-list";
import { Timeline } from "./timeline";

export async function RecordPage({
  type,
  title,
  description,
  badge,
  form,
  timeline,
  tasks,
  viewer,
  id,
}: {
  type: "lead" | "contact";
  title: string;
  description: string;
  badge?: ReactNode;
  form: ReactNode;
  timeline: TimelineItem[];
  tasks: {
    id: number;
    title: string;
    deadline: Date | null;
    status: "OPEN" | "DONE";
    responsible: { id: number; firstName: string; lastName: string };
  }[];
  viewer: Viewer;
  id: number;
}) {
  const t = await getTranslations("CrmPages");
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button asChild variant="ghost" size="sm" className="-ms-2">
          <Link href={type === "lead" ? "/crm/leads" : "/crm/contacts"}>
            <ChevronLeftIcon className="rtl:rotate-180" /> {t(type === "lead" ? "backToLeads" : "backToContacts")}
          </Link>
        </Button>
      </div>
      <PageHeader title={title} description={description} actions={badge} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card className="p-4 sm:p-5">
            <h2 className="mb-3 font-semibold">{t("details")}</h2>
            {form}
          </Card>
          <Card className="p-4 sm:p-5">
            <h2 className="mb-3 font-semibold">{t("timeline")}</h2>
            <Timeline items={timeline} />
          </Card>
        </div>
        <Card className="flex flex-col gap-3 p-4">
          <div className="flex items-center justify-between gap-2">
            <h2 className="font-semibold">{t("tasks")}</h2>
            <TaskDialog about={{ record: { type, id } }} me={viewer} />
          </div>
          <TaskList
            now={new Date().toISOString()}
            tasks={tasks.map((task) => ({ ...task, deadline: task.deadline?.toISOString() ?? null }))}
          />
        </Card>
      </div>
    </div>
  );
}
