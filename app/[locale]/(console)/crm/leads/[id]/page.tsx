import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requireSection } from "@/lib/access/request";
import { leadDetail } from "@/lib/crm/detail";
import { db } from "@/lib/db";
import { fullName } from "@/lib/utils";
import { parseId } from "@/lib/validation";
import { RecordForm } from "../../_components/record-form";
import { STATUS_VARIANT } from "../../_components/record-grid";
import { RecordPage } from "../../_components/record-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/crm/leads/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CrmPages" }))("leadTitle") };
}

export default async function LeadPage({ params }: PageProps<"/[locale]/crm/leads/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSection("crmLeads");
  const leadId = parseId(id);
  const data = leadId === null ? null : await leadDetail(db, access, leadId);
  if (!data) notFound();
  const { lead } = data;
  const t = await getTranslations("CrmPages");
  return (
    <RecordPage
      type="lead"
      id={lead.id}
      viewer={viewer}
      title={lead.title}
      description={t("leadDescription", {
        responsible: lead.responsible ? fullName(lead.responsible) : t("unassigned"),
        source: lead.source ?? "—",
      })}
      badge={
        <Badge variant={STATUS_VARIANT[lead.status]} data-testid="lead-status">
          {t(`statuses.${lead.status}`)}
        </Badge>
      }
      form={
        <RecordForm
          type="lead"
          canEdit={data.canEdit}
          responsible={lead.responsible}
          initial={{
            id: lead.id,
            title: lead.title,
            name: lead.name ?? "",
            email: lead.email ?? "",
            phones: lead.phones,
            company: lead.company ?? "",
            status: lead.status,
            responsibleId: lead.responsibleId ?? viewer.id,
          }}
        />
      }
      timeline={data.timeline}
      tasks={data.tasks}
    />
  );
}
