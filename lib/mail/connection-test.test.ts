import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { freePort } from "../../scripts/lib/embedded-postgres.ts";
import { startBlackhole } from "../../tests/fixtures/blackhole.ts";
import { SmtpPeer } from "../../tests/fixtures/smtp.ts";
import { testConnection } from "./connection-test.ts";
import type { MailServerSettings } from "./settings.ts";

const FAST = { timeouts: { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 } };

describe("connection test against real servers", () => {
  let dovecot: Dovecot;
  let smtp: SmtpPeer;
  let blackhole: Awaited<ReturnType<typeof startBlackhole>>;
  beforeAll(async () => {
    [dovecot, smtp, blackhole] = await Promise.all([Dovecot.start(), SmtpPeer.start(), startBlackhole()]);
    await dovecot.addUser("anna@test.local", "imap-secret");
    smtp.addUser("anna@test.local", "imap-secret");
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.stop(), blackhole?.stop()]);
  });

  const settings = (change: (settings: MailServerSettings) => void = () => {}): MailServerSettings => {
    const value: MailServerSettings = {
      email: "anna@test.local",
      imap: {
        host: "127.0.0.1",
        port: dovecot.port,
        security: "NONE",
        login: "anna@test.local",
        password: "imap-secret",
      },
      smtp: { host: "127.0.0.1", port: smtp.port, security: "NONE", login: "anna@test.local", password: "imap-secret" },
    };
    change(value);
    return value;
  };

  it("succeeds and lists the folders", async () => {
    const result = await testConnection(settings(), FAST);
    expect(result).toEqual({ ok: true, folders: expect.arrayContaining(["INBOX", "Sent", "Trash", "Junk"]) });
  });

  it("reports a wrong IMAP password as an authentication failure", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.imap.password = "wrong";
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, server: "imap", code: "AUTH_FAILED" });
  });

  it("reports a wrong SMTP password after IMAP succeeded", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.smtp!.password = "wrong";
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, server: "smtp", code: "AUTH_FAILED" });
  });

  it("reports an unknown host", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.imap.host = "imap.does-not-exist.invalid";
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, code: "HOST_NOT_FOUND" });
  });

  it("reports a refused connection", async () => {
    const closed = await freePort();
    expect(
      await testConnection(
        settings((s) => {
          s.imap.port = closed;
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, code: "CONNECTION_REFUSED" });
  });

  it("reports a server that never answers as timed out", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.imap.port = blackhole.port;
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, code: "TIMEOUT" });
  });

  it("reports a TLS problem when SSL is chosen for a plain-text port", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.imap.security = "SSL";
        }),
        FAST,
      ),
    ).toMatchObject({ ok: false, code: "TLS" });
  });

  it("skips SMTP when sending is switched off", async () => {
    expect(
      await testConnection(
        settings((s) => {
          s.smtp = null;
        }),
        FAST,
      ),
    ).toMatchObject({ ok: true });
  });
});
