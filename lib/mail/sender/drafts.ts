// Drafts: what someone was writing from a mailbox, kept in the console until sent or dropped.
// Each person sees only their own drafts, and only in mailboxes they may still read.
import "server-only";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { readableMailbox } from "../reader/scope.ts";

export interface DraftFields {
  mailboxId: number;
  draftId?: number;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
}

export async function saveDraft(db: Db, access: Access, input: DraftFields): Promise<number> {
  await readableMailbox(db, access, input.mailboxId);
  const { draftId, ...fields } = input;
  if (draftId) {
    const updated = await db.mailDraft.updateMany({
      where: { id: draftId, mailboxId: input.mailboxId, authorId: access.userId },
      data: fields,
    });
    if (updated.count === 0) throw new NotFoundError("draft");
    return draftId;
  }
  return (await db.mailDraft.create({ data: { ...fields, authorId: access.userId }, select: { id: true } })).id;
}

export async function myDrafts(db: Db, access: Access, mailboxId: number) {
  await readableMailbox(db, access, mailboxId);
  return db.mailDraft.findMany({
    where: { mailboxId, authorId: access.userId },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, to: true, subject: true, updatedAt: true },
  });
}

export async function loadDraft(db: Db, access: Access, mailboxId: number, draftId: number) {
  await readableMailbox(db, access, mailboxId);
  const draft = await db.mailDraft.findFirst({ where: { id: draftId, mailboxId, authorId: access.userId } });
  if (!draft) throw new NotFoundError("draft");
  return draft;
}
