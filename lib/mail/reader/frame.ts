// The document the message frame shows, and the policy it is served with. The frame is the second
// layer after the sanitiser: `sandbox` without allow-scripts or allow-same-origin (nothing runs, and
// the body has no access to the console), `default-src 'none'` (nothing loads), images only from the
// message itself (data:) until the reader allows remote content. Links open in a new window.
import type { ParsedMessage } from "./parse.ts";
import { sanitizeMailHtml, textToHtml } from "./sanitize.ts";

export function framePolicy(allowRemote: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data:${allowRemote ? " https: http:" : ""}`,
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    // Also when the frame's address is opened on its own: a document without scripts or a same origin.
    "sandbox allow-popups allow-popups-to-escape-sandbox",
  ].join("; ");
}

/** The iframe's own sandbox attribute: the same as the policy's, in case one of them is lost on the way. */
export const FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

const BASE_STYLE = `
html { color-scheme: light; }
body { margin: 0; padding: 12px; font: 14px/1.5 system-ui, sans-serif; color: #111; background: #fff; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
table { max-width: 100%; }
pre.plain { white-space: pre-wrap; font: inherit; margin: 0; }
blockquote { margin: 0 0 0 8px; padding-inline-start: 8px; border-inline-start: 2px solid #ccc; }
`;

export interface FrameDocument {
  html: string;
  blockedRemote: number;
}

export function frameDocument(message: ParsedMessage, allowRemote: boolean): FrameDocument {
  const body = message.rawHtml
    ? sanitizeMailHtml(message.rawHtml, { allowRemote, inline: message.inline })
    : { html: textToHtml(message.text ?? ""), blockedRemote: 0 };
  const html = [
    '<!doctype html><html><head><meta charset="utf-8">',
    '<meta http-equiv="x-dns-prefetch-control" content="off">',
    '<meta name="referrer" content="no-referrer">',
    `<style>${BASE_STYLE}</style></head><body>`,
    body.html,
    "</body></html>",
  ].join("");
  return { html, blockedRemote: body.blockedRemote };
}
