// A message's identity for the CRM, independent of UIDs (a UIDVALIDITY reset renumbers them all):
// its Message-ID, or — for mail without one — a hash of its date, sender and size.
import { createHash } from "node:crypto";

export interface MessageIdentity {
  messageId: string | null | undefined;
  /** The Date header, else the server's internal date. */
  date: Date | null | undefined;
  fromAddress: string | null | undefined;
  size: number | null | undefined;
}

/** The token inside the angle brackets, whatever whitespace a server folded around it. */
export function normaliseMessageId(value: string | null | undefined): string | null {
  const token = value?.replace(/\s+/g, "").replace(/^<|>$/g, "").slice(0, 400);
  return token ? token : null;
}

export function messageKey(message: MessageIdentity): string {
  const id = normaliseMessageId(message.messageId);
  if (id) return `mid:${id}`;
  const date = message.date && !Number.isNaN(message.date.getTime()) ? message.date.toISOString() : "";
  const basis = `${date}|${(message.fromAddress ?? "").toLowerCase()}|${message.size ?? 0}`;
  return `h:${createHash("sha256").update(basis).digest("hex").slice(0, 40)}`;
}
