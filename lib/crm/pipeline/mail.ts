// What the CRM reads from the mail server for a batch: envelopes (sender, recipients, subject,
// Message-ID), attached vCards, and — for blacklisted senders — the MOVE to the spam folder.
// Never another IMAP command inside a `for await` over fetch() (it would deadlock).
import type { FetchMessageObject, ImapFlow, MessageStructureObject } from "imapflow";
import { uidSet } from "../../mail/sync/fetch-window.ts";
import { messageKey } from "../message-key.ts";
import { type CrmMessage, matchesAny, type Party } from "./plan.ts";
import { oneLine } from "./text.ts";
import { parseVcards, type VcardContact } from "./vcard.ts";

const FETCH_QUERY = { uid: true, envelope: true, bodyStructure: true, size: true, internalDate: true } as const;
const VCARD_TYPES = new Set(["text/vcard", "text/x-vcard", "text/directory"]);
const MAX_VCARD_BYTES = 256 * 1024;
const MAX_VCARDS_PER_MESSAGE = 5;

export interface FolderToRead {
  path: string;
  /** Sent mail: every message is outgoing. */
  sent: boolean;
  uidValidity: bigint;
}

export interface MessageOnServer extends CrmMessage {
  uid: number;
}

export class FolderChanged extends Error {
  constructor(path: string) {
    super(`UIDVALIDITY of ${path} changed since it was synced`);
  }
}

function party(address: { address?: string; name?: string } | undefined): Party | null {
  const value = address?.address?.trim().toLowerCase();
  if (!value || !value.includes("@") || value.length > 320) return null;
  const name = address?.name ? oneLine(address.name) : "";
  return { address: value, name: name || null };
}

function vcardParts(node: MessageStructureObject | undefined, found: string[] = []): string[] {
  if (!node) return found;
  const filename = String(node.dispositionParameters?.filename ?? node.parameters?.name ?? "").toLowerCase();
  if (
    (VCARD_TYPES.has(node.type?.toLowerCase() ?? "") || filename.endsWith(".vcf")) &&
    (node.size ?? 0) <= MAX_VCARD_BYTES
  )
    found.push(node.part ?? "1");
  for (const child of node.childNodes ?? []) vcardParts(child, found);
  return found.slice(0, MAX_VCARDS_PER_MESSAGE);
}

async function readText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_VCARD_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function toCrmMessage(fetched: FetchMessageObject, folder: FolderToRead, ownAddress: string): MessageOnServer {
  const envelope = fetched.envelope;
  const from = party(envelope?.from?.[0]);
  const recipients = [...(envelope?.to ?? []), ...(envelope?.cc ?? [])]
    .map(party)
    .filter((value): value is Party => value !== null);
  const date = envelope?.date ?? fetched.internalDate;
  const validDate = date instanceof Date && !Number.isNaN(date.getTime()) ? date : null;
  const internal = fetched.internalDate instanceof Date ? fetched.internalDate : null;
  return {
    uid: fetched.uid,
    key: messageKey({
      messageId: envelope?.messageId,
      date: validDate,
      fromAddress: from?.address,
      size: fetched.size,
    }),
    direction: folder.sent || from?.address === ownAddress ? "out" : "in",
    from,
    recipients,
    subject: envelope?.subject?.replaceAll("\u0000", "").slice(0, 998) ?? null,
    date: validDate ?? internal ?? new Date(),
    vcards: [],
  };
}

/**
 * The folder's messages among `uids` (those still on the server) as the CRM sees them, with
 * their vCards when `withVcards`. Throws FolderChanged when the folder's UIDs were renumbered.
 */
export async function readMessages(
  client: ImapFlow,
  folder: FolderToRead,
  uids: number[],
  options: { ownAddress: string; withVcards: boolean; since?: Date; touch?: () => void },
): Promise<MessageOnServer[]> {
  if (uids.length === 0) return [];
  const mailbox = client.mailbox;
  if (!mailbox || mailbox.path !== folder.path) throw new Error(`folder ${folder.path} is not selected`);
  if (BigInt(mailbox.uidValidity) !== folder.uidValidity) throw new FolderChanged(folder.path);
  const messages: MessageOnServer[] = [];
  const vcards = new Map<number, string[]>();
  for await (const fetched of client.fetch(uidSet(uids), FETCH_QUERY, { uid: true })) {
    if (options.since && fetched.internalDate && new Date(fetched.internalDate) < options.since) continue;
    const message = toCrmMessage(fetched, folder, options.ownAddress);
    messages.push(message);
    if (options.withVcards && message.direction === "in") {
      const parts = vcardParts(fetched.bodyStructure);
      if (parts.length > 0) vcards.set(message.uid, parts);
    }
  }
  options.touch?.();
  for (const message of messages) {
    const cards: VcardContact[] = [];
    for (const part of vcards.get(message.uid) ?? []) {
      const download = await client.download(String(message.uid), part, { uid: true });
      if (download?.content) cards.push(...parseVcards(await readText(download.content)));
    }
    message.vcards = cards;
  }
  return messages.sort((a, b) => a.uid - b.uid);
}

/** Moves blacklisted incoming mail to the spam folder; returns the UIDs moved. */
export async function moveBlacklisted(
  client: ImapFlow,
  messages: MessageOnServer[],
  blacklist: string[],
  spamPath: string,
): Promise<number[]> {
  const blocked = messages.filter(
    (message) => message.direction === "in" && message.from && matchesAny(message.from.address, blacklist),
  );
  if (blocked.length === 0) return [];
  if (!(await client.list()).some((folder) => folder.path === spamPath))
    await client.mailboxCreate(spamPath).catch(() => undefined);
  await client.messageMove(uidSet(blocked.map((message) => message.uid)), spamPath, { uid: true });
  return blocked.map((message) => message.uid);
}
