// An attachment, streamed from the IMAP server to the browser as it arrives (never held whole in
// memory) and always as a download: whatever its declared type, it is never rendered by the console.
import "server-only";
import { Readable } from "node:stream";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { asDomainError, openImap, withImap } from "./connection.ts";
import { attachmentsOf } from "./parse.ts";
import type { MessageRef } from "./read.ts";
import { readableFolder } from "./scope.ts";

export interface AttachmentStream {
  filename: string;
  size: number;
  body: ReadableStream<Uint8Array>;
}

export async function openAttachment(db: Db, access: Access, ref: MessageRef, part: string): Promise<AttachmentStream> {
  const folder = await readableFolder(db, access, ref.mailboxId, ref.folderId);
  const client = await openImap(db, ref.mailboxId);
  let lock: { release(): void } | undefined;
  const finish = () => {
    lock?.release();
    lock = undefined;
    client.logout().catch(() => client.close());
  };
  try {
    lock = await client.getMailboxLock(folder.path, { readOnly: true });
    const message = await client.fetchOne(String(ref.uid), { uid: true, bodyStructure: true }, { uid: true });
    // Only parts the message lists as attachments: no body part or made-up number is served.
    const attachment = message ? attachmentsOf(message.bodyStructure).find((item) => item.part === part) : undefined;
    if (!message || message.uid !== ref.uid || !attachment) throw new NotFoundError("attachment");
    const download = await client.download(String(ref.uid), part, { uid: true, decodeText: false });
    if (!download.content) throw new NotFoundError("attachment");
    const content = download.content;
    content.once("close", finish);
    content.once("error", finish);
    return {
      filename: attachment.filename,
      size: attachment.size,
      body: Readable.toWeb(content) as ReadableStream<Uint8Array>,
    };
  } catch (error) {
    finish();
    throw asDomainError(error);
  }
}

/**
 * The files a message carries, read whole, for forwarding it: a forward passes the original's
 * attachments on. Bounded by the size a message may have when it is opened (read.ts).
 */
export async function attachmentsForForward(
  db: Db,
  access: Access,
  ref: MessageRef,
): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  const folder = await readableFolder(db, access, ref.mailboxId, ref.folderId);
  return withImap(db, ref.mailboxId, async (client) => {
    const lock = await client.getMailboxLock(folder.path, { readOnly: true });
    try {
      const message = await client.fetchOne(String(ref.uid), { uid: true, bodyStructure: true }, { uid: true });
      if (!message || message.uid !== ref.uid) throw new NotFoundError("message");
      const files = [];
      for (const attachment of attachmentsOf(message.bodyStructure)) {
        const download = await client.download(String(ref.uid), attachment.part, { uid: true });
        if (!download.content) throw new NotFoundError("attachment");
        const chunks: Buffer[] = [];
        for await (const chunk of download.content) chunks.push(chunk as Buffer);
        files.push({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.concat(chunks),
        });
      }
      return files;
    } finally {
      lock.release();
    }
  });
}
