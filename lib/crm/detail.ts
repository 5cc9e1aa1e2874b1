// A lead's or contact's page: its fields, whether the viewer may edit it, its timeline (emails
// from the pipeline and links, calls from the PBX within the viewer's call scope) and its tasks.
import "server-only";
import type { Access } from "../access/access.ts";
import { canEditCrmRecord, canUseCrm } from "../access/crm-rights.ts";
import { scopeIncludes, userIdFilter } from "../access/scopes.ts";
import type { Database } from "../db.ts";
import type { CrmRecordType } from "./schemas.ts";

const person = { select: { id: true, firstName: true, lastName: true } } as const;

export type TimelineItem =
  | {
      kind: "email";
      id: number;
      direction: "in" | "out";
      subject: string | null;
      fromAddress: string | null;
      toAddresses: string[];
      at: Date;
      mailbox: string | null;
      responsible: { id: number; firstName: string; lastName: string } | null;
    }
  | {
      kind: "call";
      id: number;
      direction: "INCOMING" | "OUTGOING";
      status: string;
      durationSeconds: number;
      phoneNumber: string;
      at: Date;
      employee: { id: number; firstName: string; lastName: string } | null;
      canListen: boolean;
    };

const TIMELINE_LIMIT = 100;

async function timeline(db: Database, access: Access, type: CrmRecordType, id: number): Promise<TimelineItem[]> {
  const [statistics, listen] = await Promise.all([access.calls("statistics"), access.calls("listen")]);
  const employees = userIdFilter(statistics);
  const callsVisible = statistics.kind === "all" || statistics.userIds.size > 0;
  const [activities, calls] = await Promise.all([
    db.crmActivity.findMany({
      where: type === "lead" ? { leadId: id } : { contactId: id },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      select: {
        id: true,
        kind: true,
        subject: true,
        fromAddress: true,
        toAddresses: true,
        occurredAt: true,
        mailbox: { select: { email: true } },
        responsible: person,
      },
    }),
    callsVisible
      ? db.call.findMany({
          where: {
            crmEntityType: { equals: type, mode: "insensitive" },
            crmEntityId: id,
            ...(employees ? { employeeId: employees } : {}),
          },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          take: TIMELINE_LIMIT,
          select: {
            id: true,
            direction: true,
            status: true,
            durationSeconds: true,
            phoneNumber: true,
            startedAt: true,
            recordingPath: true,
            employeeId: true,
            employee: person,
          },
        })
      : [],
  ]);
  const items: TimelineItem[] = [
    ...activities.map(
      (activity): TimelineItem => ({
        kind: "email",
        id: activity.id,
        direction: activity.kind === "EMAIL_OUT" ? "out" : "in",
        subject: activity.subject,
        fromAddress: activity.fromAddress,
        toAddresses: activity.toAddresses,
        at: activity.occurredAt,
        mailbox: activity.mailbox?.email ?? null,
        responsible: activity.responsible,
      }),
    ),
    ...calls.map(
      (call): TimelineItem => ({
        kind: "call",
        id: call.id,
        direction: call.direction,
        status: call.status,
        durationSeconds: call.durationSeconds,
        phoneNumber: call.phoneNumber,
        at: call.startedAt,
        employee: call.employee,
        canListen: call.recordingPath !== null && scopeIncludes(listen, call.employeeId),
      }),
    ),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, TIMELINE_LIMIT);
}

async function recordTasks(db: Database, type: CrmRecordType, id: number) {
  return db.crmTask.findMany({
    where: type === "lead" ? { leadId: id } : { contactId: id },
    orderBy: [{ status: "asc" }, { deadline: { sort: "asc", nulls: "last" } }, { id: "desc" }],
    take: 50,
    select: { id: true, title: true, deadline: true, status: true, responsible: person },
  });
}

export async function leadDetail(db: Database, access: Access, id: number) {
  if (!canUseCrm(access)) return null;
  const lead = await db.crmLead.findUnique({
    where: { id },
    include: { responsible: person, mailbox: { select: { id: true, email: true } } },
  });
  if (!lead) return null;
  const [items, tasks, canEdit] = await Promise.all([
    timeline(db, access, "lead", id),
    recordTasks(db, "lead", id),
    canEditCrmRecord(db, access, lead),
  ]);
  return { lead, timeline: items, tasks, canEdit };
}

export async function contactDetail(db: Database, access: Access, id: number) {
  if (!canUseCrm(access)) return null;
  const contact = await db.crmContact.findUnique({
    where: { id },
    include: { responsible: person, mailbox: { select: { id: true, email: true } } },
  });
  if (!contact) return null;
  const [items, tasks, canEdit] = await Promise.all([
    timeline(db, access, "contact", id),
    recordTasks(db, "contact", id),
    canEditCrmRecord(db, access, contact),
  ]);
  return { contact, timeline: items, tasks, canEdit };
}
