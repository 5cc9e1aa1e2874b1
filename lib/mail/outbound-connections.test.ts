// The outbound policy on real connections: a real Dovecot and SMTP server, a listener that counts
// every connection it accepts, and a TLS listener that records the SNI name it is sent.
import { execFile } from "node:child_process";
import { lookup } from "node:dns/promises";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { createImapMailbox, createUser } from "../../tests/factories.ts";
import { startBlackhole } from "../../tests/fixtures/blackhole.ts";
import { SmtpPeer } from "../../tests/fixtures/smtp.ts";
import { loadAccess } from "../access/access.ts";
import { db } from "../db.ts";
import { mailboxStatuses } from "../mailboxes/status.ts";
import { parseAllowedNetworks } from "./allowed-networks.ts";
import { testConnection, testImap, testSmtp } from "./connection-test.ts";
import { createImapClient } from "./imap-client.ts";
import { type OutboundPolicy, PUBLIC_ONLY } from "./outbound.ts";
import type { MailServerSettings } from "./settings.ts";
import { syncMailbox } from "./sync/mailbox-sync.ts";

const TIMEOUTS = { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 };
const allowing = (setting: string): OutboundPolicy => ({ allowedNetworks: parseAllowedNetworks(setting) });

/** A TLS server with a self-signed certificate that notes the SNI name of every handshake. */
async function startSniRecorder() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sni-"));
  await promisify(execFile)("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...[
      "-keyout",
      path.join(dir, "key.pem"),
      "-out",
      path.join(dir, "cert.pem"),
      "-days",
      "1",
      "-subj",
      "/CN=sni.test",
    ],
  ]);
  const [key, cert] = await Promise.all([
    fs.readFile(path.join(dir, "key.pem")),
    fs.readFile(path.join(dir, "cert.pem")),
  ]);
  const names: string[] = [];
  const server = tls.createServer({
    key,
    cert,
    SNICallback: (servername, done) => {
      names.push(servername);
      done(null, tls.createSecureContext({ key, cert }));
    },
  });
  server.on("tlsClientError", () => undefined);
  // Where "localhost" leads on this machine: the listener must be where the client will go.
  const { address } = await lookup("localhost");
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    address,
    port,
    names,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

describe("outbound connections to user-entered servers", () => {
  let dovecot: Dovecot;
  let smtp: SmtpPeer;
  let listener: Awaited<ReturnType<typeof startBlackhole>>;
  beforeAll(async () => {
    [dovecot, smtp, listener] = await Promise.all([Dovecot.start(), SmtpPeer.start(), startBlackhole()]);
    await dovecot.addUser("anna@test.local", "imap-secret");
    smtp.addUser("anna@test.local", "imap-secret");
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.stop(), listener?.stop()]);
  });

  const settings = (imapPort: number, smtpPort: number | null, host = "127.0.0.1"): MailServerSettings => ({
    email: "anna@test.local",
    imap: { host, port: imapPort, security: "NONE", login: "anna@test.local", password: "imap-secret" },
    smtp: smtpPort
      ? { host, port: smtpPort, security: "NONE", login: "anna@test.local", password: "imap-secret" }
      : null,
  });

  it("with an empty allow-list, loopback is refused before any connection is made", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      expect(
        await testConnection(settings(listener.port, null, host), { timeouts: TIMEOUTS, outbound: PUBLIC_ONLY }),
      ).toEqual({ ok: false, server: "imap", code: "ADDRESS_NOT_ALLOWED" });
      expect(
        await testConnection(settings(dovecot.port, null, host), { timeouts: TIMEOUTS, outbound: PUBLIC_ONLY }),
      ).toEqual({ ok: false, server: "imap", code: "ADDRESS_NOT_ALLOWED" });
    }
    // The SMTP server of a mailbox is held to the same rule, even when its IMAP server is allowed.
    expect(
      await testConnection(settings(dovecot.port, listener.port), {
        timeouts: TIMEOUTS,
        outbound: allowing(`127.0.0.1:${dovecot.port}`),
      }),
    ).toEqual({ ok: false, server: "smtp", code: "ADDRESS_NOT_ALLOWED" });
    expect(listener.accepted()).toBe(0);

    // The listener does count: allowed, the same test reaches it (and times out, as it never answers).
    expect(
      await testConnection(settings(listener.port, null), {
        timeouts: TIMEOUTS,
        outbound: allowing(`127.0.0.1:${listener.port}`),
      }),
    ).toEqual({ ok: false, server: "imap", code: "TIMEOUT" });
    expect(listener.accepted()).toBe(1);
  });

  it("the allow-list entry for the server's address and port lets the test through, and only that port", async () => {
    const policy = allowing(`127.0.0.1:${dovecot.port}, 127.0.0.1:${smtp.port}`);
    expect(await testConnection(settings(dovecot.port, smtp.port), { timeouts: TIMEOUTS, outbound: policy })).toEqual({
      ok: true,
      folders: expect.arrayContaining(["INBOX", "Sent", "Trash", "Junk"]),
    });
    expect(
      await testConnection(settings(dovecot.port, null), {
        timeouts: TIMEOUTS,
        outbound: allowing(`127.0.0.1:${smtp.port}`),
      }),
    ).toEqual({ ok: false, server: "imap", code: "ADDRESS_NOT_ALLOWED" });
  });

  it("a failure is reported as its kind only, without the other side's words", async () => {
    // An SMTP server answering an IMAP client: before, its banner and error text came back with the result.
    const result = await testConnection(settings(smtp.port, null), {
      timeouts: TIMEOUTS,
      outbound: allowing(`127.0.0.1:${smtp.port}`),
    });
    expect(result).toEqual({ ok: false, server: "imap", code: expect.any(String) });
  });

  it("an IMAP client goes to the checked address, not to the name (which could resolve differently now)", () => {
    const client = createImapClient({
      host: "mail.example.com",
      address: "203.0.113.7",
      servername: "mail.example.com",
      port: 993,
      security: "SSL",
      login: "anna",
      password: "secret",
    });
    expect({ host: client.host, servername: client.servername }).toEqual({
      host: "203.0.113.7",
      servername: "mail.example.com",
    });
    client.close();
  });

  it("connects to the checked address while TLS still sends the typed host name (IMAP and SMTP)", async () => {
    const recorder = await startSniRecorder();
    try {
      const policy = allowing(
        recorder.address.includes(":")
          ? `[${recorder.address}]:${recorder.port}`
          : `${recorder.address}:${recorder.port}`,
      );
      const endpoint = { host: "localhost", port: recorder.port, security: "SSL" as const, login: "a", password: "b" };
      // The self-signed certificate is refused; what matters is which name the handshake carried.
      await expect(testImap(endpoint, { timeouts: TIMEOUTS, outbound: policy })).rejects.toMatchObject({ code: "TLS" });
      await expect(testSmtp(endpoint, { timeouts: TIMEOUTS, outbound: policy })).rejects.toMatchObject({ code: "TLS" });
      expect(recorder.names).toEqual(["localhost", "localhost"]);
    } finally {
      await recorder.stop();
    }
  });

  it("the sync refuses a blocked address too, and the browser's status holds only the code", async () => {
    const owner = await createUser(db);
    const blocked = await createImapMailbox(db, owner.id, {
      host: "localhost",
      port: listener.port,
      user: "anna@test.local",
      password: "imap-secret",
    });
    const before = listener.accepted();
    const report = await syncMailbox(db, blocked.id, { timeouts: TIMEOUTS, outbound: PUBLIC_ONLY });
    expect(report).toMatchObject({ ok: false, error: { code: "ADDRESS_NOT_ALLOWED" } });
    expect(listener.accepted()).toBe(before);
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: blocked.id } });
    expect(row).toMatchObject({ status: "ERROR", syncState: "IDLE", lastErrorCode: "ADDRESS_NOT_ALLOWED" });
    // Tried again later (the allow-list or the name's address may change), not given up on.
    expect(row.nextSyncAt).not.toBeNull();
    expect(await db.mailFolder.count({ where: { mailboxId: blocked.id } })).toBe(0);
    // The operator's text (with the address) stays in the row; the status the browser polls has the code alone.
    expect(row.lastError).toContain("127.0.0.1");
    const [status] = await mailboxStatuses(db, await loadAccess(db, owner.id), [blocked.id]);
    expect(status).toMatchObject({ id: blocked.id, status: "ERROR", lastErrorCode: "ADDRESS_NOT_ALLOWED" });
    expect(JSON.stringify(status)).not.toMatch(/127\.0\.0\.1|localhost|MAIL_ALLOWED_NETWORKS/);

    const allowed = await createImapMailbox(
      db,
      owner.id,
      {
        port: dovecot.port,
        user: "anna@test.local",
        password: "imap-secret",
      },
      { email: "anna+allowed@test.local" },
    );
    expect(
      await syncMailbox(db, allowed.id, { timeouts: TIMEOUTS, outbound: allowing(`127.0.0.1:${dovecot.port}`) }),
    ).toMatchObject({ ok: true });
  });
});
