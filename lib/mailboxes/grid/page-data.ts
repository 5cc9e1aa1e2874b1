// One grid page as the client gets it: metadata only (never a subject line or a body), the
// shares and CRM queue for the optional columns, and whether the viewer may edit each row.
import type { Access } from "../../access/access.ts";
import { peopleInMailboxView } from "../../access/grid-people.ts";
import { describeSubjects, type SubjectLabel } from "../../access/subject-directory.ts";
import type { SubjectRef } from "../../access/subject-ref.ts";
import type { Database } from "../../db.ts";
import { type MailboxSyncStatus, toSyncStatus } from "../status.ts";
import type { GridQuery } from "./params.ts";
import { queryGrid } from "./query.ts";

export interface GridRowView {
  id: number;
  owner: { id: number; firstName: string; lastName: string };
  email: string;
  name: string;
  senderName: string | null;
  crmEnabled: boolean;
  sync: MailboxSyncStatus;
  access: SubjectRef[];
  queue: number[];
  canEdit: boolean;
}

export async function gridPage(
  db: Database,
  access: Access,
  query: GridQuery,
  options: { now?: Date; timeZone?: string } = {},
) {
  const filterIds = [...query.owners, ...query.access, ...query.queue];
  const [{ rows, total }, editable, nameable] = await Promise.all([
    queryGrid(db, access, query, options),
    access.mailboxes("edit"),
    peopleInMailboxView(db, access, filterIds),
  ]);
  const ids = rows.map((row) => row.id);
  const [shares, queue] = ids.length
    ? await Promise.all([
        db.mailboxAccess.findMany({
          where: { mailboxId: { in: ids } },
          select: { mailboxId: true, subjectKind: true, subjectRefId: true },
        }),
        db.mailboxCrmQueueMember.findMany({
          where: { mailboxId: { in: ids } },
          orderBy: { position: "asc" },
          select: { mailboxId: true, userId: true },
        }),
      ])
    : [[], []];
  // One lookup for every name on screen: the rows' shares and queues, and the people the URL
  // filters by — of those, only whom the grid could show anyway (lib/access/grid-people.ts).
  const inFilters = filterIds.filter((id) => nameable.has(id)).map((refId) => ({ kind: "USER" as const, refId }));
  const labels: Record<string, SubjectLabel> = await describeSubjects(db, [
    ...inFilters,
    ...shares.map((share) => ({ kind: share.subjectKind, refId: share.subjectRefId })),
    ...queue.map((member) => ({ kind: "USER" as const, refId: member.userId })),
  ]);
  const views: GridRowView[] = rows.map((row) => ({
    id: row.id,
    owner: { id: row.ownerId, firstName: row.ownerFirstName, lastName: row.ownerLastName },
    email: row.email,
    name: row.name,
    senderName: row.senderName,
    crmEnabled: row.crmEnabled,
    sync: toSyncStatus(row),
    access: shares
      .filter((share) => share.mailboxId === row.id)
      .map((share) => ({ kind: share.subjectKind, refId: share.subjectRefId })),
    queue: queue.filter((member) => member.mailboxId === row.id).map((member) => member.userId),
    canEdit: editable.allows({ ownerId: row.ownerId }),
  }));
  return { rows: views, total, labels };
}
