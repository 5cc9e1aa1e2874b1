// The web process's IMAP work for one request (issue 13 item 7): one short-lived connection,
// opened for a body fetch or a write and logged out right after. Long work stays in the worker.
// The connection goes through the outbound policy like every other (lib/mail/outbound.ts).
import "server-only";
import type { ImapFlow } from "imapflow";
import type { Db } from "../../db.ts";
import { ConnectionFailedError, DomainError } from "../../errors.ts";
import { classifyMailError } from "../errors.ts";
import { connectImap, createImapClient, type ImapTimeouts } from "../imap-client.ts";
import { type OutboundPolicy, resolveEndpoint } from "../outbound.ts";
import { serverSettingsOf, serverSettingsSelect } from "../settings.ts";

/** A reader waits seconds, not the worker's minutes: a silent server fails the request quickly. */
const REQUEST_TIMEOUTS: ImapTimeouts = { connectionMs: 8_000, greetingMs: 8_000, socketMs: 20_000 };

export interface ImapSessionOptions {
  /** Where mail servers may be; the installation's policy by default (tests pass their own). */
  outbound?: OutboundPolicy;
}

/** A connected client for the mailbox; the caller logs it out (withImap does it for you). */
export async function openImap(db: Db, mailboxId: number, options: ImapSessionOptions = {}): Promise<ImapFlow> {
  const row = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: serverSettingsSelect });
  try {
    const target = await resolveEndpoint(serverSettingsOf(row).imap, options.outbound, REQUEST_TIMEOUTS.connectionMs);
    return await connectImap(createImapClient(target, { timeouts: REQUEST_TIMEOUTS }));
  } catch (error) {
    throw asDomainError(error);
  }
}

/** Runs `work` on a fresh connection to the mailbox's IMAP server and closes it whatever happens. */
export async function withImap<T>(
  db: Db,
  mailboxId: number,
  work: (client: ImapFlow) => Promise<T>,
  options: ImapSessionOptions = {},
): Promise<T> {
  const client = await openImap(db, mailboxId, options);
  try {
    return await work(client);
  } catch (error) {
    // Our own typed errors (not found, validation) pass through; IMAP and socket failures are classified.
    throw asDomainError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Our own typed errors pass through; IMAP and socket failures become "the mail server failed" with its code only. */
export function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const mailError = classifyMailError(error);
  console.error(`[webmail] IMAP request failed: ${mailError.code}`);
  return new ConnectionFailedError("imap", mailError.code);
}
