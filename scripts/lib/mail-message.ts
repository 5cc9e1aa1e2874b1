// Complete RFC 5322 messages for the demo mail server and the tests: sender, recipients,
// Message-ID and, when asked, a vCard attachment (what the CRM pipeline reads).
import { randomBytes } from "node:crypto";

export interface MailSpec {
  from: string;
  to: string;
  cc?: string;
  subject?: string;
  date?: Date;
  /** Omit for a message without a Message-ID (the fallback identity is used). */
  messageId?: string | null;
  vcard?: string;
}

export function rawMessage(spec: MailSpec): string {
  const date = spec.date ?? new Date();
  const id = spec.messageId === undefined ? `<${randomBytes(8).toString("hex")}@crm.test>` : spec.messageId;
  const headers = [
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${spec.subject ?? "Hello"}`,
    `Date: ${date.toUTCString()}`,
    ...(id ? [`Message-ID: ${id}`] : []),
    "MIME-Version: 1.0",
  ];
  if (!spec.vcard) return [...headers, "Content-Type: text/plain; charset=utf-8", "", "Hello.", ""].join("\r\n");
  const boundary = "b-crm-test";
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "My card is attached.",
    `--${boundary}`,
    'Content-Type: text/vcard; charset=utf-8; name="card.vcf"',
    'Content-Disposition: attachment; filename="card.vcf"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(spec.vcard).toString("base64"),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
