// Reading mailboxes for the pages: one's own and shared ones, and one mailbox's settings.
import type { Access } from "../access/access.ts";
import { canDisconnectMailbox, canEditMailbox, canEditMailboxCrm } from "../access/mailbox-rights.ts";
import { describeSubjects } from "../access/subject-directory.ts";
import type { Db } from "../db.ts";
import { statusFields, toSyncStatus } from "./status.ts";

/** The viewer's own mailboxes and those shared with them (SPEC §3.1 "My mailboxes"). */
export async function myMailboxes(db: Db, access: Access) {
  const rows = await db.mailbox.findMany({
    where: access.readableMailboxes().where,
    orderBy: [{ email: "asc" }],
    select: {
      ...statusFields,
      email: true,
      name: true,
      ownerId: true,
      autoSync: true,
      owner: { select: { id: true, firstName: true, lastName: true } },
    },
  });
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      own: row.ownerId === access.userId,
      canEdit: await canEditMailbox(access, row),
      sync: toSyncStatus(row),
    })),
  );
}

/** The settings page's data; null when the viewer may not edit (or even see) this mailbox. */
export async function mailboxForSettings(db: Db, access: Access, mailboxId: number) {
  const mailbox = await db.mailbox.findUnique({
    where: { id: mailboxId },
    include: {
      owner: { select: { id: true, firstName: true, lastName: true, email: true, status: true } },
      folders: {
        orderBy: { path: "asc" },
        select: {
          id: true,
          path: true,
          name: true,
          specialUse: true,
          messages: true,
          unseen: true,
          sizeBytes: true,
          mode: true,
          lastSyncedAt: true,
          error: true,
        },
      },
      blacklist: { orderBy: { pattern: "asc" }, select: { pattern: true } },
      contacts: { orderBy: { email: "asc" }, select: { email: true, name: true } },
      access: { select: { subjectKind: true, subjectRefId: true } },
      crmQueue: { orderBy: { position: "asc" }, select: { userId: true } },
    },
  });
  if (!mailbox || !(await canEditMailbox(access, mailbox))) return null;
  const sharedWith = mailbox.access.map((row) => ({ kind: row.subjectKind, refId: row.subjectRefId }));
  const queue = mailbox.crmQueue.map((row) => ({ kind: "USER" as const, refId: row.userId }));
  return {
    mailbox,
    sync: toSyncStatus(mailbox),
    sharedWith,
    queue,
    labels: await describeSubjects(db, [...sharedWith, ...queue]),
    canEditCrm: await canEditMailboxCrm(access, mailbox),
    canDisconnect: await canDisconnectMailbox(access, { ownerId: mailbox.ownerId, ownerStatus: mailbox.owner.status }),
  };
}
