import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSection } from "@/lib/access/request";
import { contactDetail } from "@/lib/crm/detail";
import { db } from "@/lib/db";
import { fullName } from "@/lib/utils";
import { parseId } from "@/lib/validation";
import { RecordForm } from "../../_components/record-form";
import { RecordPage } from "../../_components/record-page";

export async function generateMetadata({ params }: PageProps<"/[locale]/crm/contacts/[id]">): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "CrmPages" }))("contactTitle") };
}

export default async function ContactPage({ params }: PageProps<"/[locale]/crm/contacts/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, access } = await requireSection("crmContacts");
  const contactId = parseId(id);
  const data = contactId === null ? null : await contactDetail(db, access, contactId);
  if (!data) notFound();
  const { contact } = data;
  const t = await getTranslations("CrmPages");
  return (
    <RecordPage
      type="contact"
      id={contact.id}
      viewer={viewer}
      title={contact.name}
      description={t("contactDescription", {
        responsible: contact.responsible ? fullName(contact.responsible) : t("unassigned"),
        source: contact.source ?? "—",
      })}
      form={
        <RecordForm
          type="contact"
          canEdit={data.canEdit}
          responsible={contact.responsible}
          initial={{
            id: contact.id,
            name: contact.name,
            emails: contact.emails,
            phones: contact.phones,
            company: contact.company ?? "",
            responsibleId: contact.responsibleId ?? viewer.id,
          }}
        />
      }
      timeline={data.timeline}
      tasks={data.tasks}
    />
  );
}
