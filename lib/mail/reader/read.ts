// Opening a message: the body is fetched on demand from the IMAP server (BODY.PEEK[], so fetching
// alone changes nothing), parsed, and — when a person opens it — marked \Seen on the server first,
// then in the database, so the next sync agrees. A parsed message is kept a minute in this process:
// the page and its body frame are two requests for the same message.
import "server-only";
import type { ImapFlow } from "imapflow";
import type { Access } from "../../access/access.ts";
import type { Db } from "../../db.ts";
import { NotFoundError } from "../../errors.ts";
import { withImap } from "./connection.ts";
import { type ParsedMessage, parseMessage } from "./parse.ts";
import { readableFolder } from "./scope.ts";
import { recordFlag } from "./store.ts";

export interface MessageRef {
  mailboxId: number;
  folderId: number;
  uid: number;
}

/** Messages above this are read in part: a reader sees the beginning, attachments stay downloadable. */
const MAX_SOURCE_BYTES = 25 * 1024 * 1024;
const CACHE_MS = 60_000;
const CACHE_ENTRIES = 40;
const cache = new Map<string, { at: number; message: ParsedMessage }>();

function cacheKey(ref: MessageRef, uidValidity: bigint | null) {
  return `${ref.mailboxId}:${ref.folderId}:${uidValidity ?? ""}:${ref.uid}`;
}

function remember(key: string, message: ParsedMessage) {
  cache.delete(key);
  cache.set(key, { at: Date.now(), message });
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
}

function cached(key: string): ParsedMessage | null {
  const entry = cache.get(key);
  if (!entry || Date.now() - entry.at > CACHE_MS) return null;
  return entry.message;
}

/** Fetches and parses one message in the selected folder; null when the server no longer has it. */
export async function fetchParsed(
  client: ImapFlow,
  uid: number,
): Promise<{ message: ParsedMessage; seen: boolean } | null> {
  const fetched = await client.fetchOne(
    String(uid),
    { uid: true, flags: true, size: true, bodyStructure: true, source: { maxLength: MAX_SOURCE_BYTES } },
    { uid: true },
  );
  if (!fetched || fetched.uid !== uid || !fetched.source) return null;
  const truncated = (fetched.size ?? 0) > MAX_SOURCE_BYTES;
  return {
    message: await parseMessage(fetched.source, fetched.bodyStructure, truncated),
    seen: fetched.flags?.has("\\Seen") ?? false,
  };
}

/**
 * The message for a reader. `markSeen` when a person opens it (the page), not for the body frame or
 * an attachment. Throws NotFoundError for what the viewer may not read or the server no longer has.
 */
export async function openMessage(
  db: Db,
  access: Access,
  ref: MessageRef,
  options: { markSeen: boolean },
): Promise<ParsedMessage> {
  const folder = await readableFolder(db, access, ref.mailboxId, ref.folderId);
  const key = cacheKey(ref, folder.uidValidity);
  const stored = await db.mailMessage.findUnique({
    where: { folderId_uid: { folderId: ref.folderId, uid: BigInt(ref.uid) } },
    select: { seen: true },
  });
  const hit = cached(key);
  if (hit && (!options.markSeen || stored?.seen)) return hit;
  const result = await withImap(db, ref.mailboxId, async (client) => {
    // Read-write even for reading (BODY.PEEK[] changes nothing): the kept connection then stays
    // on this folder for the next message and for marking it read, without selecting it again.
    const lock = await client.getMailboxLock(folder.path);
    try {
      const found = await fetchParsed(client, ref.uid);
      if (!found) return null;
      if (options.markSeen && !found.seen) await client.messageFlagsAdd(String(ref.uid), ["\\Seen"], { uid: true });
      return found;
    } finally {
      lock.release();
    }
  });
  if (!result) throw new NotFoundError("message");
  if (options.markSeen && stored && !stored.seen) {
    await recordFlag(db, folder, [ref.uid], "\\Seen", true);
  }
  remember(key, result.message);
  return result.message;
}
