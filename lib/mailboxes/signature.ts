// Signatures are rich text written in the console and sent in mail: only harmless formatting
// survives (no scripts, no event handlers, no remote styles that could track the reader).
import sanitizeHtml from "sanitize-html";

export function sanitizeSignature(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "b",
      "strong",
      "i",
      "em",
      "u",
      "a",
      "span",
      "div",
      "ul",
      "ol",
      "li",
      "img",
      "table",
      "tbody",
      "tr",
      "td",
    ],
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "width", "height"],
      span: ["style"],
      div: ["style"],
      td: ["style"],
      p: ["style"],
    },
    allowedSchemes: ["https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["https", "data"] },
    allowedStyles: {
      "*": {
        color: [/^#[0-9a-f]{3,6}$/i, /^rgb\(/],
        "font-weight": [/^(bold|normal|\d{3})$/],
        "font-style": [/^(italic|normal)$/],
        "text-align": [/^(left|right|center|start|end)$/],
      },
    },
  }).trim();
}
