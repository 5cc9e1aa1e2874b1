// The web process's IMAP work for one request (issue 13 item 7): short commands on one connection
// per mailbox, kept open for a minute after its last use so that a reader going from message to
// message does not pay for a login and a SELECT of a large folder each time; long work stays in the
// worker. A change of the mailbox's settings (updatedAt) opens a new connection; a broken one is
// dropped. Every connection goes through the outbound policy (lib/mail/outbound.ts).
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

const IDLE_MS = 60_000;

interface PooledConnection {
  client: ImapFlow;
  /** The settings the connection was made with: another value means it must not be used. */
  version: string;
  users: number;
  idle?: NodeJS.Timeout;
}

const pool = new Map<number, PooledConnection>();

function drop(mailboxId: number, entry: PooledConnection) {
  if (pool.get(mailboxId) === entry) pool.delete(mailboxId);
  clearTimeout(entry.idle);
  entry.client.logout().catch(() => entry.client.close());
}

/** Logs out every kept connection (scripts and tests that end their process). */
export async function closeImapConnections() {
  for (const [mailboxId, entry] of [...pool]) drop(mailboxId, entry);
}

async function pooledClient(db: Db, mailboxId: number, options: ImapSessionOptions): Promise<PooledConnection> {
  const { updatedAt } = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId }, select: { updatedAt: true } });
  const version = `${updatedAt.getTime()}:${options.outbound ? "custom" : "configured"}`;
  const kept = pool.get(mailboxId);
  if (kept && kept.version === version && kept.client.usable) return kept;
  if (kept) drop(mailboxId, kept);
  const entry: PooledConnection = { client: await openImap(db, mailboxId, options), version, users: 0 };
  entry.client.on("close", () => {
    if (pool.get(mailboxId) === entry) pool.delete(mailboxId);
  });
  pool.set(mailboxId, entry);
  return entry;
}

/** Runs `work` on the mailbox's connection (opened when there is none), keeping it a minute after. */
export async function withImap<T>(
  db: Db,
  mailboxId: number,
  work: (client: ImapFlow) => Promise<T>,
  options: ImapSessionOptions = {},
): Promise<T> {
  const entry = await pooledClient(db, mailboxId, options);
  clearTimeout(entry.idle);
  entry.users += 1;
  try {
    return await work(entry.client);
  } catch (error) {
    // A command the server refused leaves the connection fine; a lost or timed-out one does not.
    if (!entry.client.usable) drop(mailboxId, entry);
    throw asDomainError(error);
  } finally {
    entry.users -= 1;
    if (entry.users === 0 && pool.get(mailboxId) === entry) {
      entry.idle = setTimeout(() => drop(mailboxId, entry), IDLE_MS);
      entry.idle.unref();
    }
  }
}

/** Our own typed errors pass through; IMAP and socket failures become "the mail server failed" with its code only. */
export function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const mailError = classifyMailError(error);
  console.error(`[webmail] IMAP request failed: ${mailError.code}`);
  return new ConnectionFailedError("imap", mailError.code);
}
