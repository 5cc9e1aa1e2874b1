// Sync status of mailboxes for live updates (grid, My mailboxes, settings page): metadata only,
// and only of mailboxes the viewer may see in the grid or read as owner or sharer. A failure is
// its code: the server's own text (kept in the row for operators) never goes to the browser.
import type { Access } from "../access/access.ts";
import type { Db } from "../db.ts";

export interface MailboxSyncStatus {
  id: number;
  status: "PENDING" | "OK" | "ERROR" | "NEEDS_PASSWORD";
  syncState: "IDLE" | "QUEUED" | "RUNNING";
  syncProgress: number | null;
  lastSyncAt: string | null;
  lastErrorCode: string | null;
  unreadCount: number;
  messageCount: number;
  diskBytes: string;
}

/** The columns a sync status is made of, for every query that shows one. */
export const statusFields = {
  id: true,
  status: true,
  syncState: true,
  syncProgress: true,
  lastSyncAt: true,
  lastErrorCode: true,
  unreadCount: true,
  messageCount: true,
  diskBytes: true,
} as const;

/** A row (of any wider shape) as the client gets its status: exactly these fields, serialisable. */
export function toSyncStatus(row: {
  id: number;
  status: MailboxSyncStatus["status"];
  syncState: MailboxSyncStatus["syncState"];
  syncProgress: number | null;
  lastSyncAt: Date | null;
  lastErrorCode: string | null;
  unreadCount: number;
  messageCount: number;
  diskBytes: bigint;
}): MailboxSyncStatus {
  return {
    id: row.id,
    status: row.status,
    syncState: row.syncState,
    syncProgress: row.syncProgress,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastErrorCode: row.lastErrorCode,
    unreadCount: row.unreadCount,
    messageCount: row.messageCount,
    diskBytes: row.diskBytes.toString(),
  };
}

export async function mailboxStatuses(db: Db, access: Access, ids: number[]): Promise<MailboxSyncStatus[]> {
  const viewable = await access.mailboxes("view");
  const rows = await db.mailbox.findMany({
    where: { id: { in: ids }, OR: [viewable.where, access.readableMailboxes().where] },
    select: statusFields,
  });
  return rows.map(toSyncStatus);
}
