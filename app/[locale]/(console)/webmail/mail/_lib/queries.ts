// The mail view's data for one request. Mailboxes are those of readableMailboxes() only; a mailbox,
// folder or message in the URL that is not among them is "not found" — for an admin or a head too.
import "server-only";
import { notFound } from "next/navigation";
import type { Access } from "@/lib/access/access";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { requestSync } from "@/lib/jobs/sync-queue";
import { frameDocument } from "@/lib/mail/reader/frame";
import { folderTree, messagePage } from "@/lib/mail/reader/list";
import { openMessage } from "@/lib/mail/reader/read";
import { senderAllowed } from "@/lib/mail/reader/remote-content";
import { staleOwnMailboxes } from "@/lib/mailboxes/activity";
import type { ViewParams } from "./schemas";

/** One's own mailboxes first (the default one to open), then those shared with one. */
export async function mailboxChoices(access: Access) {
  const rows = await db.mailbox.findMany({
    where: access.readableMailboxes().where,
    orderBy: [{ email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      ownerId: true,
      unreadCount: true,
      autoSync: true,
      status: true,
      syncState: true,
      lastSyncAt: true,
    },
  });
  return rows.sort((a, b) => Number(b.ownerId === access.userId) - Number(a.ownerId === access.userId));
}

export type MailboxChoice = Awaited<ReturnType<typeof mailboxChoices>>[number];

/** Opening one's mailbox is a reason to sync it now (SPEC §3.5); a queue that is down does not stop reading. */
export async function syncOnOpen(access: Access, mailbox: MailboxChoice) {
  const stale = staleOwnMailboxes([
    {
      id: mailbox.id,
      own: mailbox.ownerId === access.userId,
      autoSync: mailbox.autoSync,
      sync: {
        status: mailbox.status,
        syncState: mailbox.syncState,
        lastSyncAt: mailbox.lastSyncAt?.toISOString() ?? null,
      },
    },
  ]);
  if (stale.length > 0) await requestSync(db, stale, { manual: false }).catch(() => undefined);
}

export async function folderView(mailboxId: number, params: ViewParams) {
  const folders = await folderTree(db, mailboxId);
  const folder = params.folder ? folders.find((item) => item.id === params.folder) : folders[0];
  if (params.folder && !folder) notFound();
  const list = folder
    ? await messagePage(db, { folderId: folder.id, page: params.page, q: params.q, filter: params.filter })
    : { items: [], total: 0, capped: false };
  return { folders, folder, list };
}

/**
 * The open message; 404 when it is gone from the server or not the viewer's to read. Rendering has no
 * side effect: the reading pane marks the message read once it is shown (<MarkRead>), so a page
 * re-rendered after "mark as unread" does not undo it.
 */
export async function messageView(access: Access, mailboxId: number, folderId: number, uid: number, images: boolean) {
  try {
    const message = await openMessage(db, access, { mailboxId, folderId, uid }, { markSeen: false });
    const flagged = await db.mailMessage.findUnique({
      where: { folderId_uid: { folderId, uid: BigInt(uid) } },
      select: { flagged: true, seen: true },
    });
    const senderTrusted = await senderAllowed(db, mailboxId, message.from[0]?.address);
    const remoteAllowed = images || senderTrusted;
    // Whether to offer "show images": the sanitiser knows how many it held back.
    const blockedRemote = remoteAllowed ? 0 : frameDocument(message, false).blockedRemote;
    return {
      message,
      flagged: flagged?.flagged ?? false,
      seen: flagged?.seen ?? true,
      remoteAllowed,
      senderTrusted,
      blockedRemote,
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    if (error instanceof DomainError && error.code === "CONNECTION_FAILED")
      return { error: "CONNECTION_FAILED" as const };
    throw error;
  }
}
