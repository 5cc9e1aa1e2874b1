// Sends the console's own mail (invitations, notification mails) over SMTP: SMTP_URL, or the
// local catcher (lib/console-mail/catcher.ts). A failure is returned, not thrown: a mail that
// could not go out must not undo the change it reports (the invitation stays and can be re-sent).
import nodemailer from "nodemailer";
import { consoleMailSettings } from "../env.ts";

export interface ConsoleMail {
  to: string;
  subject: string;
  text: string;
}

export async function sendConsoleMail(mail: ConsoleMail, smtpUrl?: string): Promise<boolean> {
  const settings = consoleMailSettings();
  const transport = nodemailer.createTransport(smtpUrl ?? settings.smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text });
    return true;
  } catch (error) {
    // The error names the server only, never the message: an invitation mail holds a secret link.
    console.error(
      `[console-mail] not sent: ${error instanceof Error ? error.name : "error"} (${(error as { code?: string }).code ?? "?"})`,
    );
    return false;
  } finally {
    transport.close();
  }
}
