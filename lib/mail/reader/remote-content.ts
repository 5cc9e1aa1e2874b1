// Remote content (images from other servers) tells a sender that and when a message was read, and
// from where. It stays off until a reader allows it — for one message (a URL switch) or for every
// message of a sender, remembered per mailbox so all its readers share the choice.
import "server-only";
import type { Db } from "../../db.ts";

export async function senderAllowed(db: Db, mailboxId: number, address: string | undefined): Promise<boolean> {
  if (!address) return false;
  const row = await db.mailRemoteContentSender.findUnique({
    where: { mailboxId_address: { mailboxId, address: address.toLowerCase() } },
    select: { address: true },
  });
  return row !== null;
}

export async function allowSender(db: Db, mailboxId: number, address: string, userId: number) {
  await db.mailRemoteContentSender.upsert({
    where: { mailboxId_address: { mailboxId, address: address.toLowerCase() } },
    create: { mailboxId, address: address.toLowerCase(), allowedById: userId },
    update: {},
  });
}
