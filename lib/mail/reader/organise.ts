// Organising mail (issue 13 item 4): mark read/unread, flag, move, delete — on one or many messages,
// written to the IMAP server first and to the database only once the server took it. A failure on
// the server changes nothing here; a change on the server is mirrored at once (./store.ts), so the
// next sync agrees and nothing is duplicated or resurrected.
import "server-only";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import { uidSet } from "../sync/fetch-window.ts";
import { withImap } from "./connection.ts";
import { readableFolder } from "./scope.ts";
import { type MailFlag, recordFlag, recordMoved } from "./store.ts";

export interface Selection {
  mailboxId: number;
  folderId: number;
  uids: number[];
}

export async function setFlag(db: Db, access: Access, selection: Selection, flag: MailFlag, on: boolean) {
  const folder = await readableFolder(db, access, selection.mailboxId, selection.folderId);
  await withImap(db, selection.mailboxId, async (client) => {
    const lock = await client.getMailboxLock(folder.path);
    try {
      const range = uidSet(selection.uids);
      if (on) await client.messageFlagsAdd(range, [flag], { uid: true });
      else await client.messageFlagsRemove(range, [flag], { uid: true });
    } finally {
      lock.release();
    }
  });
  await recordFlag(db, folder, selection.uids, flag, on);
}

async function moveOnServer(db: Db, selection: Selection, fromPath: string, toPath: string) {
  return withImap(db, selection.mailboxId, async (client) => {
    const lock = await client.getMailboxLock(fromPath);
    try {
      const result = await client.messageMove(uidSet(selection.uids), toPath, { uid: true });
      if (!result) throw new NotFoundError("message");
      return result.uidMap;
    } finally {
      lock.release();
    }
  });
}

export async function moveMessages(db: Db, access: Access, selection: Selection, targetFolderId: number) {
  const from = await readableFolder(db, access, selection.mailboxId, selection.folderId);
  const to = await readableFolder(db, access, selection.mailboxId, targetFolderId);
  if (from.id === to.id) throw new ValidationError({ folderId: "sameFolder" });
  const uidMap = await moveOnServer(db, selection, from.path, to.path);
  await recordMoved(db, from, to, uidMap, selection.uids);
}

/** The mailbox's trash: its folder rule, else the folder the server marks \Trash; null when it has none. */
async function trashFolderOf(db: Db, mailboxId: number) {
  const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { trashFolder: true } });
  return db.mailFolder.findFirst({
    where: {
      mailboxId,
      OR: [...(mailbox.trashFolder ? [{ path: mailbox.trashFolder }] : []), { specialUse: "\\Trash" }],
    },
    orderBy: { id: "asc" },
    select: { id: true, mailboxId: true, path: true, specialUse: true, uidValidity: true },
  });
}

/** To Trash; from Trash (or where there is no Trash) for good: \Deleted and UID EXPUNGE of just these. */
export async function deleteMessages(db: Db, access: Access, selection: Selection): Promise<"trash" | "expunged"> {
  const folder = await readableFolder(db, access, selection.mailboxId, selection.folderId);
  const trash = await trashFolderOf(db, selection.mailboxId);
  if (trash && trash.id !== folder.id) {
    const uidMap = await moveOnServer(db, selection, folder.path, trash.path);
    await recordMoved(db, folder, trash, uidMap, selection.uids);
    return "trash";
  }
  await withImap(db, selection.mailboxId, async (client) => {
    const lock = await client.getMailboxLock(folder.path);
    try {
      await client.messageDelete(uidSet(selection.uids), { uid: true });
    } finally {
      lock.release();
    }
  });
  await recordMoved(db, folder, null, undefined, selection.uids);
  return "expunged";
}
