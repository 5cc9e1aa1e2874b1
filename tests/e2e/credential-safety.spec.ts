// Finding 1 of the security review, over HTTP: an editor who points someone else's mailbox at a
// server of their own, leaving the password empty, gets a field error, and that server — a
// listener recording everything it is sent — never sees a login, for IMAP or SMTP.
import { expect, test } from "@playwright/test";
import { startCredentialTrap } from "../fixtures/credential-trap.ts";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callActionForBody } from "./server-actions.ts";

const UPDATE_CONNECTION = {
  file: "app/[locale]/(console)/webmail/_lib/mailbox-actions.ts",
  name: "updateConnectionAction",
};

test.describe("a stored password stays with its server", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an administrator redirecting another person's mailbox without the password reaches nothing", async ({
    request,
    baseURL,
  }) => {
    const [mailbox] = await e2eQuery<{
      id: number;
      imapHost: string;
      imapPort: number;
      imapSecurity: string;
      imapLogin: string;
      imapPasswordEnc: string;
    }>(
      `SELECT m.id, m."imapHost", m."imapPort", m."imapSecurity", m."imapLogin", m."imapPasswordEnc"
         FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId"
        WHERE u.email <> 'admin@demo.test' ORDER BY m.id LIMIT 1`,
    );
    const imapTrap = await startCredentialTrap("imap");
    const smtpTrap = await startCredentialTrap("smtp");
    try {
      const unchanged = {
        mailboxId: mailbox!.id,
        imapHost: mailbox!.imapHost,
        imapPort: mailbox!.imapPort,
        imapSecurity: mailbox!.imapSecurity,
        imapLogin: mailbox!.imapLogin,
        smtpEnabled: false,
      };
      const attempts = [
        { change: { imapHost: "127.0.0.1", imapPort: imapTrap.port, imapSecurity: "NONE" }, field: "imapPassword" },
        {
          change: { smtpEnabled: true, smtpHost: "127.0.0.1", smtpPort: smtpTrap.port, smtpSecurity: "NONE" },
          field: "smtpPassword",
        },
      ];
      for (const { change, field } of attempts) {
        const body = await callActionForBody(
          request,
          baseURL!,
          { ...UPDATE_CONNECTION, path: `/webmail/mailboxes/${mailbox!.id}` },
          { ...unchanged, ...change },
        );
        expect(body).toContain('"code":"VALIDATION"');
        expect(body).toContain(`"${field}":"passwordForNewServer"`);
      }
      expect({ imap: imapTrap.connections(), smtp: smtpTrap.connections() }).toEqual({ imap: 0, smtp: 0 });
      const [after] = await e2eQuery<{ imapPort: number; imapPasswordEnc: string }>(
        `SELECT "imapPort", "imapPasswordEnc" FROM "Mailbox" WHERE id = $1`,
        [mailbox!.id],
      );
      expect(after).toEqual({ imapPort: mailbox!.imapPort, imapPasswordEnc: mailbox!.imapPasswordEnc });
    } finally {
      await Promise.all([imapTrap.stop(), smtpTrap.stop()]);
    }
  });
});
