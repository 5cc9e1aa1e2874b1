// The database side of a change already made on the IMAP server (flags, move, delete): rows and
// the counters the grid and the folder tree show move by the same amounts, so the view is right at
// once and the next sync, which reads the server, finds nothing to correct and nothing to repeat.
import "server-only";
import type { Db, Transaction } from "../../db.ts";

export type MailFlag = "\\Seen" | "\\Flagged";

/** Unread in Trash and Junk is not what a person calls unread (as the sync counts it). */
export function countsAsUnread(specialUse: string | null): boolean {
  return specialUse !== "\\Trash" && specialUse !== "\\Junk";
}

/** The stored flag text with `flag` set or cleared, in the sync's form (sorted, space-separated). */
export function withFlag(flags: string, flag: string, on: boolean): string {
  const set = new Set(flags.split(" ").filter(Boolean));
  if (on) set.add(flag);
  else set.delete(flag);
  return [...set].sort().join(" ");
}

interface FolderRef {
  id: number;
  mailboxId: number;
  specialUse: string | null;
}

async function adjustUnread(tx: Transaction, folder: FolderRef, delta: number) {
  if (delta === 0) return;
  await tx.$executeRaw`UPDATE "MailFolder" SET unseen = GREATEST(0, unseen + ${delta}) WHERE id = ${folder.id}`;
  if (countsAsUnread(folder.specialUse))
    await tx.$executeRaw`UPDATE "Mailbox" SET "unreadCount" = GREATEST(0, "unreadCount" + ${delta}) WHERE id = ${folder.mailboxId}`;
}

export async function recordFlag(db: Db, folder: FolderRef, uids: number[], flag: MailFlag, on: boolean) {
  const run = async (tx: Transaction) => {
    const rows = await tx.mailMessage.findMany({
      where: { folderId: folder.id, uid: { in: uids.map(BigInt) } },
      select: { uid: true, flags: true, seen: true, flagged: true },
    });
    let unreadDelta = 0;
    for (const row of rows) {
      const flags = withFlag(row.flags, flag, on);
      if (flags === row.flags) continue;
      if (flag === "\\Seen") unreadDelta += on ? -1 : 1;
      await tx.mailMessage.update({
        where: { folderId_uid: { folderId: folder.id, uid: row.uid } },
        data: { flags, seen: flags.split(" ").includes("\\Seen"), flagged: flags.split(" ").includes("\\Flagged") },
      });
    }
    await adjustUnread(tx, folder, unreadDelta);
  };
  await ("$transaction" in db ? db.$transaction(run) : run(db));
}

/**
 * Messages left `from`: their rows go. When the server told the new UIDs (UIDPLUS, as MOVE answers
 * with COPYUID), the rows are written under them in `to` at once; the next sync finds them stored.
 */
export async function recordMoved(
  db: Db,
  from: FolderRef,
  to: FolderRef | null,
  uidMap: Map<number, number> | undefined,
  uids: number[],
) {
  const run = async (tx: Transaction) => {
    const rows = await tx.mailMessage.findMany({ where: { folderId: from.id, uid: { in: uids.map(BigInt) } } });
    const unseen = rows.filter((row) => !row.seen).length;
    await tx.mailMessage.deleteMany({ where: { folderId: from.id, uid: { in: uids.map(BigInt) } } });
    await tx.$executeRaw`UPDATE "MailFolder" SET messages = GREATEST(0, messages - ${rows.length}) WHERE id = ${from.id}`;
    await adjustUnread(tx, from, -unseen);
    if (!to) return;
    const moved = rows.flatMap((row) => {
      const uid = uidMap?.get(Number(row.uid));
      return uid ? [{ ...row, folderId: to.id, uid: BigInt(uid), modseq: null }] : [];
    });
    if (moved.length > 0) await tx.mailMessage.createMany({ data: moved, skipDuplicates: true });
    await tx.$executeRaw`UPDATE "MailFolder" SET messages = messages + ${rows.length} WHERE id = ${to.id}`;
    await adjustUnread(tx, to, unseen);
  };
  await ("$transaction" in db ? db.$transaction(run) : run(db));
}
