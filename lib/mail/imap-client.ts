// One configured ImapFlow client. Every client gets an error listener (an unhandled 'error'
// event would crash the worker) and timeouts, so a silent server cannot hold a job forever.
// It only takes a ConnectTarget: an address that has passed the outbound policy (./outbound.ts).
import { ImapFlow, type ImapFlowOptions } from "imapflow";
import { classifyMailError } from "./errors.ts";
import type { ConnectTarget } from "./outbound.ts";

export interface ImapTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const DEFAULT_IMAP_TIMEOUTS: ImapTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 90_000 };

export function createImapClient(
  endpoint: ConnectTarget,
  options: { timeouts?: ImapTimeouts; expungeHandler?: ImapFlowOptions["expungeHandler"] } = {},
): ImapFlow {
  const timeouts = options.timeouts ?? DEFAULT_IMAP_TIMEOUTS;
  const client = new ImapFlow({
    // The checked address, not the name: resolving it again could give another answer.
    host: endpoint.address,
    // TLS (direct or STARTTLS) still sends the typed name and checks the certificate against it.
    servername: endpoint.servername,
    port: endpoint.port,
    secure: endpoint.security === "SSL",
    doSTARTTLS: endpoint.security === "STARTTLS" ? true : endpoint.security === "NONE" ? false : undefined,
    auth: { user: endpoint.login, pass: endpoint.password },
    logger: false,
    qresync: true,
    disableAutoIdle: true,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    expungeHandler: options.expungeHandler,
  });
  // An unhandled 'error' event would crash the worker. The error is also remembered: when the
  // socket times out, the pending command only says "connection not available".
  client.on("error", (error: unknown) => {
    socketErrors.set(client, error);
  });
  return client;
}

const socketErrors = new WeakMap<ImapFlow, unknown>();

/** The error the connection itself reported (timeout, reset), if any. */
export function connectionError(client: ImapFlow): unknown {
  return socketErrors.get(client);
}

/** Connects, or throws a classified MailError. */
export async function connectImap(client: ImapFlow): Promise<ImapFlow> {
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    throw classifyMailError(error);
  }
}
