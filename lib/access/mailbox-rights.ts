// What a user may do with mailboxes (SPEC §3, §4.1). Every mailbox page and action asks here.
import type { Access } from "./access.ts";
import { LEVEL, WEBMAIL } from "./catalog.ts";

/** Connect a mailbox for this person: oneself with 203, anyone else within one's 202 scope. */
export async function canConnectFor(actor: Access, ownerId: number): Promise<boolean> {
  if (ownerId === actor.userId) return actor.allowed(WEBMAIL.connectOwn.key);
  return (await actor.mailboxes("edit")).allows({ ownerId });
}

/** Open the bulk-connect page and connect for others at all: 202 above "none". */
export function canConnectForOthers(actor: Access): boolean {
  return actor.level(WEBMAIL.editMailboxes.key) > LEVEL.NONE;
}

/** Settings, "Sync now" and the other edits: the owner, or 202 scope. */
export async function canEditMailbox(actor: Access, mailbox: { ownerId: number }): Promise<boolean> {
  return (await actor.mailboxes("edit")).allows(mailbox);
}

/** CRM integration needs 204 on top of being allowed to edit the mailbox. */
export async function canEditMailboxCrm(actor: Access, mailbox: { ownerId: number }): Promise<boolean> {
  return actor.allowed(WEBMAIL.editCrm.key) && (await canEditMailbox(actor, mailbox));
}

/** Disconnect: only the owner — or an editor once the owner has been deactivated (SPEC §3.3). */
export async function canDisconnectMailbox(
  actor: Access,
  mailbox: { ownerId: number; ownerStatus: string },
): Promise<boolean> {
  if (mailbox.ownerId === actor.userId) return true;
  return mailbox.ownerStatus === "DEACTIVATED" && (await canEditMailbox(actor, mailbox));
}
