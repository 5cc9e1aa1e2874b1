// Before a mailbox is saved its servers are tried (SPEC §3.1): IMAP login and folder list, SMTP
// authentication. The result names the failure precisely enough for the form to explain it.
import nodemailer from "nodemailer";
import { classifyMailError, type MailErrorCode } from "./errors.ts";
import { connectImap, createImapClient, DEFAULT_IMAP_TIMEOUTS, type ImapTimeouts } from "./imap-client.ts";
import type { MailServerSettings, ServerEndpoint } from "./settings.ts";

export type ConnectionTestResult =
  | { ok: true; folders: string[] }
  | { ok: false; server: "imap" | "smtp"; code: MailErrorCode; detail: string };

export async function testImap(
  endpoint: ServerEndpoint,
  timeouts: ImapTimeouts = DEFAULT_IMAP_TIMEOUTS,
): Promise<string[]> {
  const client = await connectImap(createImapClient(endpoint, { timeouts }));
  try {
    return (await client.list()).map((folder) => folder.path);
  } catch (error) {
    throw classifyMailError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function testSmtp(endpoint: ServerEndpoint, timeoutMs = 15_000): Promise<void> {
  const transport = nodemailer.createTransport({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === "SSL",
    requireTLS: endpoint.security === "STARTTLS",
    ignoreTLS: endpoint.security === "NONE",
    auth: { user: endpoint.login, pass: endpoint.password },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  });
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
  timeouts?: ImapTimeouts,
): Promise<ConnectionTestResult> {
  let folders: string[];
  try {
    folders = await testImap(settings.imap, timeouts);
  } catch (error) {
    const failure = classifyMailError(error);
    return { ok: false, server: "imap", code: failure.code, detail: failure.message };
  }
  if (settings.smtp) {
    try {
      await testSmtp(settings.smtp, timeouts?.connectionMs);
    } catch (error) {
      const failure = classifyMailError(error);
      return { ok: false, server: "smtp", code: failure.code, detail: failure.message };
    }
  }
  return { ok: true, folders };
}
