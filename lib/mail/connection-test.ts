// Before a mailbox is saved its servers are tried (SPEC §3.1): IMAP login and folder list, SMTP
// authentication. Only at addresses the outbound policy allows (./outbound.ts); the result is the
// kind of failure, never the server's own words, which would tell a prober what runs at an address.
import { classifyMailError, type MailErrorCode } from "./errors.ts";
import { connectImap, createImapClient, DEFAULT_IMAP_TIMEOUTS, type ImapTimeouts } from "./imap-client.ts";
import { configuredOutboundPolicy, type OutboundPolicy, resolveEndpoint } from "./outbound.ts";
import type { MailServerSettings, ServerEndpoint } from "./settings.ts";
import { createSmtpTransport } from "./smtp-client.ts";

export type ConnectionTestResult =
  | { ok: true; folders: string[] }
  | { ok: false; server: "imap" | "smtp"; code: MailErrorCode };

export interface ConnectionTestOptions {
  timeouts?: ImapTimeouts;
  /** Where the servers may be; the installation's MAIL_ALLOWED_NETWORKS policy by default. */
  outbound?: OutboundPolicy;
}

export async function testImap(endpoint: ServerEndpoint, options: ConnectionTestOptions = {}): Promise<string[]> {
  const timeouts = options.timeouts ?? DEFAULT_IMAP_TIMEOUTS;
  const target = await resolveEndpoint(endpoint, options.outbound, timeouts.connectionMs);
  const client = await connectImap(createImapClient(target, { timeouts }));
  try {
    return (await client.list()).map((folder) => folder.path);
  } catch (error) {
    throw classifyMailError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function testSmtp(endpoint: ServerEndpoint, options: ConnectionTestOptions = {}): Promise<void> {
  const timeoutMs = options.timeouts?.connectionMs ?? 15_000;
  const target = await resolveEndpoint(endpoint, options.outbound, timeoutMs);
  const transport = createSmtpTransport(target, timeoutMs);
  try {
    await transport.verify();
  } catch (error) {
    throw classifyMailError(error);
  } finally {
    transport.close();
  }
}

export async function testConnection(
  settings: MailServerSettings,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  // One policy for both servers, read once.
  const resolved = { ...options, outbound: options.outbound ?? configuredOutboundPolicy() };
  let folders: string[];
  try {
    folders = await testImap(settings.imap, resolved);
  } catch (error) {
    return { ok: false, server: "imap", code: classifyMailError(error).code };
  }
  if (settings.smtp) {
    try {
      await testSmtp(settings.smtp, resolved);
    } catch (error) {
      return { ok: false, server: "smtp", code: classifyMailError(error).code };
    }
  }
  return { ok: true, folders };
}
