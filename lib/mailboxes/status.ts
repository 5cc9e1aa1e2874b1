// Sync status of mailboxes for live updates (grid, My mailboxes, settings page): metadata only,
// and only of mailboxes the viewer may see in the grid or read as owner or sharer.
import type { Access } from "../access/access.ts";
import type { Db } from "../db.ts";

export interface MailboxSyncStatus {
  id: number;
  status: "PENDING" | "OK" | "ERROR" | "NEEDS_PASSWORD";
  syncState: "IDLE" | "QUEUED" | "RUNNING";
  syncProgress: number | null;
  lastSyncAt: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
  unreadCount: number;
  messageCount: number;
  diskBytes: string;
}

export async function mailboxStatuses(db: Db, access: Access, ids: number[]): Promise<MailboxSyncStatus[]> {
  const viewable = await access.mailboxes("view");
  const rows = await db.mailbox.findMany({
    where: { id: { in: ids }, OR: [viewable.where, access.readableMailboxes().where] },
    select: {
      id: true,
      status: true,
      syncState: true,
      syncProgress: true,
      lastSyncAt: true,
      lastErrorCode: true,
      lastError: true,
      unreadCount: true,
      messageCount: true,
      diskBytes: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    diskBytes: row.diskBytes.toString(),
  }));
}
