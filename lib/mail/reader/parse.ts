// A message's source → what the reader shows: headers, the HTML or text body, the images it
// carries for cid: references, and its attachments as the IMAP server numbers them (so a download
// fetches exactly that part). The raw HTML never leaves the server: ./sanitize.ts cleans it first.
import type { MessageStructureObject } from "imapflow";
import { type AddressObject, simpleParser } from "mailparser";
import type { InlineImage } from "./sanitize.ts";

export interface MessageAddress {
  name: string;
  address: string;
}

export interface AttachmentInfo {
  /** IMAP body part number, e.g. "2" or "1.2". */
  part: string;
  filename: string;
  contentType: string;
  /** Encoded size on the server, a close estimate of the file's size. */
  size: number;
}

export interface ParsedMessage {
  subject: string;
  from: MessageAddress[];
  to: MessageAddress[];
  cc: MessageAddress[];
  replyTo: MessageAddress[];
  date: Date | null;
  messageId: string | null;
  references: string[];
  /** Unsanitised: only ever passed through sanitizeMailHtml(). */
  rawHtml: string | null;
  text: string | null;
  inline: InlineImage[];
  attachments: AttachmentInfo[];
  /** The source was longer than what was fetched. */
  truncated: boolean;
}

/** HTML above this is cut before sanitising: a reader does not need more, and a browser chokes on it. */
const MAX_HTML_CHARS = 2_000_000;

function addresses(value: AddressObject | AddressObject[] | undefined): MessageAddress[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((object) =>
    object.value.flatMap((entry) => [
      ...(entry.address ? [{ name: entry.name ?? "", address: entry.address }] : []),
      ...(entry.group ?? [])
        .filter((member) => member.address)
        .map((member) => ({ name: member.name ?? "", address: member.address! })),
    ]),
  );
}

function filenameOf(node: MessageStructureObject): string | undefined {
  return node.dispositionParameters?.filename ?? node.parameters?.name;
}

/** The parts a reader can download: named or attachment-disposed leaves, and attached messages. */
export function attachmentsOf(structure: MessageStructureObject | undefined): AttachmentInfo[] {
  const found: AttachmentInfo[] = [];
  const visit = (node: MessageStructureObject) => {
    const type = node.type.toLowerCase();
    if (node.childNodes && type !== "message/rfc822") {
      for (const child of node.childNodes) visit(child);
      return;
    }
    const filename = filenameOf(node);
    const isBody = (type === "text/plain" || type === "text/html") && !filename && node.disposition !== "attachment";
    if (isBody || !node.part) return;
    if (!filename && node.disposition !== "attachment" && type !== "message/rfc822") return;
    found.push({
      part: node.part,
      filename: filename ?? (type === "message/rfc822" ? "message.eml" : `part-${node.part}`),
      contentType: type,
      size: node.size ?? 0,
    });
  };
  if (structure) visit(structure);
  return found;
}

export async function parseMessage(
  source: Buffer,
  structure: MessageStructureObject | undefined,
  truncated: boolean,
): Promise<ParsedMessage> {
  // cid: links stay as they are (the sanitiser resolves them); no text is turned into HTML here.
  // An HTML-only message gets no text made from it here (costly on large newsletters): quoting in a
  // reply makes its own from the HTML when it needs one (textOf).
  const mail = await simpleParser(source, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipHtmlToText: true,
  });
  const references = Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [];
  const html = typeof mail.html === "string" ? mail.html : null;
  return {
    subject: mail.subject ?? "",
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    replyTo: addresses(mail.replyTo),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    messageId: mail.messageId ?? null,
    references,
    rawHtml: html && html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html,
    text: mail.text ?? null,
    inline: mail.attachments
      .filter((attachment) => attachment.cid && attachment.contentType.startsWith("image/"))
      .map((attachment) => ({
        cid: attachment.cid!,
        contentType: attachment.contentType,
        content: attachment.content,
      })),
    attachments: attachmentsOf(structure),
    truncated: truncated || (html !== null && html.length > MAX_HTML_CHARS),
  };
}

/** The message as plain text: its text part, or its HTML with the markup taken out (for quoting). */
export function textOf(message: ParsedMessage): string {
  if (message.text) return message.text;
  if (!message.rawHtml) return "";
  return message.rawHtml
    .replace(/<(style|script|head|title)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<\/t[dh]>/gi, "\t")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
