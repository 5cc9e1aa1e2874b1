// What a reply or forward starts from, and the message built from what was written: sender name,
// signature, threading headers (In-Reply-To, References), attachments. Built once as raw bytes, so
// what the SMTP server gets and the copy appended to Sent are the same message.
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { sanitizeSignature } from "../../mailboxes/signature.ts";
import { type MessageAddress, type ParsedMessage, textOf } from "../reader/parse.ts";

export type ComposeMode = "new" | "reply" | "replyAll" | "forward";

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMessage {
  from: { name: string | null; address: string };
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** What the person wrote, as plain text; the signature is added here. */
  body: string;
  signatureHtml: string;
  inReplyTo: string | null;
  references: string[];
  attachments: OutgoingAttachment[];
}

export interface ComposeStart {
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  inReplyTo: string | null;
  references: string[];
}

const withPrefix = (prefix: string, subject: string) =>
  new RegExp(`^${prefix}:`, "i").test(subject.trim()) ? subject.trim() : `${prefix}: ${subject.trim()}`;

const addressText = (entry: MessageAddress) =>
  entry.name ? `"${entry.name.replace(/"/g, "")}" <${entry.address}>` : entry.address;

/** The form's first state for a reply, reply-all or forward of `original`, from the mailbox `own`. */
export function startFrom(mode: ComposeMode, original: ParsedMessage | null, own: string): ComposeStart {
  if (!original || mode === "new") return { to: [], cc: [], subject: "", body: "", inReplyTo: null, references: [] };
  const quoted = textOf(original)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
  const header = `${original.date?.toUTCString() ?? ""} ${original.from.map(addressText).join(", ")}:`.trim();
  const threading = {
    inReplyTo: original.messageId,
    references: [...original.references, ...(original.messageId ? [original.messageId] : [])],
  };
  if (mode === "forward") {
    return {
      to: [],
      cc: [],
      subject: withPrefix("Fwd", original.subject),
      body: `\n\n---------- Forwarded message ----------\n${header}\n\n${textOf(original)}`,
      ...threading,
    };
  }
  const replyTo = original.replyTo.length > 0 ? original.replyTo : original.from;
  const notMe = (entry: MessageAddress) => entry.address.toLowerCase() !== own.toLowerCase();
  const to = replyTo.map(addressText);
  const cc =
    mode === "replyAll"
      ? [...original.to, ...original.cc]
          .filter(notMe)
          .filter((entry) => !replyTo.some((r) => r.address === entry.address))
          .map(addressText)
      : [];
  return { to, cc, subject: withPrefix("Re", original.subject), body: `\n\n${header}\n${quoted}`, ...threading };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The signature as plain text for the text part: tags dropped, breaks kept. */
export function signatureText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|tr)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .trim();
}

export async function buildRaw(message: OutgoingMessage, messageId: string): Promise<Buffer> {
  const signature = sanitizeSignature(message.signatureHtml);
  const signatureAsText = signatureText(signature);
  const html = `<div style="white-space:pre-wrap">${escapeHtml(message.body)}</div>${signature ? `<div class="signature">-- <br>${signature}</div>` : ""}`;
  return new MailComposer({
    from: message.from.name ? { name: message.from.name, address: message.from.address } : message.from.address,
    to: message.to,
    cc: message.cc,
    // Bcc stays out of the headers (nodemailer keeps it for the envelope only unless asked).
    bcc: message.bcc,
    subject: message.subject,
    messageId,
    inReplyTo: message.inReplyTo ?? undefined,
    references: message.references.length > 0 ? message.references : undefined,
    text: signatureAsText ? `${message.body}\n\n-- \n${signatureAsText}` : message.body,
    html,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType || "application/octet-stream",
      content: attachment.content,
    })),
  })
    .compile()
    .build();
}
