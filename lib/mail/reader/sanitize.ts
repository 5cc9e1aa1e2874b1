// Mail HTML is attacker-controlled. It is cleaned here with a maintained sanitiser and a strict
// allow-list (formatting, tables, links, images), and then shown in a sandboxed frame with its own
// Content-Security-Policy (./frame.ts): two independent layers, so a gap in one is not a hole.
// What goes: scripts, event handlers, forms, frames, objects, SVG and MathML, <style>/<link>/<meta>/
// <base>, every URL scheme but http(s)/mailto/tel on links, and every CSS value that could load
// something (url(), @import, expression()). Remote images are kept only when the reader allowed them.
import sanitizeHtml from "sanitize-html";

export interface InlineImage {
  /** Content-ID without angle brackets, lower-case. */
  cid: string;
  contentType: string;
  content: Buffer;
}

export interface SanitizeOptions {
  /** Load http(s) images (the reader allowed remote content for this message or sender). */
  allowRemote: boolean;
  /** Images the message itself carries, referenced as cid:. */
  inline: InlineImage[];
}

export interface SanitizedHtml {
  html: string;
  /** Remote images that were left out: the view offers to load them. */
  blockedRemote: number;
}

/** Raster images only: an SVG or HTML part named by a cid: is never turned into something loadable. */
const SAFE_IMAGE_TYPE = /^image\/(png|jpe?g|gif|webp|bmp)$/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;
/** Inline images above this size are not embedded (the page would carry them in full). */
const MAX_INLINE_BYTES = 3 * 1024 * 1024;

const TAGS = [
  "a",
  "abbr",
  "address",
  "b",
  "bdi",
  "bdo",
  "big",
  "blockquote",
  "br",
  "caption",
  "center",
  "cite",
  "code",
  "col",
  "colgroup",
  "dd",
  "del",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "font",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "mark",
  "ol",
  "p",
  "pre",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "tt",
  "u",
  "ul",
  "wbr",
];
const COMMON_ATTRIBUTES = ["style", "align", "valign", "width", "height", "bgcolor", "color", "dir", "lang", "title"];
const TABLE_ATTRIBUTES = ["border", "cellpadding", "cellspacing", "colspan", "rowspan", "nowrap"];

// A CSS value that cannot load or run anything: no url(), no image-set(), no expression(), no escapes
// (a backslash could spell any of these), no @-rules and no markup.
const SAFE_CSS_VALUE =
  /^(?!.*(url|image-set|expression|image|element|paint|attr)\s*\()(?!.*[\\@<>])(?!.*javascript:)[^;]{0,200}$/i;
const STYLE_PROPERTIES = [
  "color",
  "background-color",
  "font",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant",
  "line-height",
  "letter-spacing",
  "word-spacing",
  "text-align",
  "text-decoration",
  "text-indent",
  "text-transform",
  "white-space",
  "word-break",
  "overflow-wrap",
  "word-wrap",
  "vertical-align",
  "direction",
  "unicode-bidi",
  "width",
  "min-width",
  "max-width",
  "height",
  "min-height",
  "max-height",
  "margin",
  "margin-top",
  "margin-right",
  "margin-bottom",
  "margin-left",
  "padding",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "border",
  "border-top",
  "border-right",
  "border-bottom",
  "border-left",
  "border-color",
  "border-style",
  "border-width",
  "border-radius",
  "border-collapse",
  "border-spacing",
  "display",
  "float",
  "clear",
  "list-style-type",
  "table-layout",
  "text-overflow",
  "overflow",
  "opacity",
  "visibility",
];
const ALLOWED_PROPERTIES = new Set(STYLE_PROPERTIES);

/**
 * The style attribute with only allowed properties whose values pass SAFE_CSS_VALUE. Done here
 * rather than by the sanitiser's CSS parser, which costs a PostCSS parse per attribute (the larger
 * part of opening a newsletter). A declaration split wrongly is dropped, never let through.
 */
export function cleanStyle(style: string): string {
  return style
    .split(";")
    .map((declaration) => {
      const colon = declaration.indexOf(":");
      if (colon < 0) return null;
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      if (!ALLOWED_PROPERTIES.has(property) || !value || value.includes("/*") || !SAFE_CSS_VALUE.test(value))
        return null;
      return `${property}:${value}`;
    })
    .filter((declaration) => declaration !== null)
    .join(";");
}

function inlineImageUrl(src: string, inline: Map<string, InlineImage>): string | null {
  const cid = decodeURIComponent(src.slice(4)).replace(/^<|>$/g, "").trim().toLowerCase();
  const image = inline.get(cid);
  if (!image || !SAFE_IMAGE_TYPE.test(image.contentType) || image.content.length > MAX_INLINE_BYTES) return null;
  return `data:${image.contentType.toLowerCase()};base64,${image.content.toString("base64")}`;
}

export function sanitizeMailHtml(html: string, options: SanitizeOptions): SanitizedHtml {
  const inline = new Map(options.inline.map((image) => [image.cid.toLowerCase(), image]));
  let blockedRemote = 0;
  const clean = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      "*": COMMON_ATTRIBUTES,
      a: ["href", "name", "target", "rel"],
      img: ["src", "alt", "width", "height", "border", "data-blocked-src"],
      font: ["face", "size", "color"],
      table: TABLE_ATTRIBUTES,
      td: TABLE_ATTRIBUTES,
      th: TABLE_ATTRIBUTES,
      ol: ["start", "type"],
    },
    parseStyleAttributes: false,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    // cid: is rewritten to a data: image below; the sanitiser itself never lets data: through elsewhere.
    allowedSchemesByTag: { img: ["http", "https", "cid", "data"] },
    allowProtocolRelative: false,
    // Everything else (script, style, title, textarea, option, noscript, …) goes with its text.
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "title",
      "xmp",
      "noembed",
      "noframes",
      "template",
    ],
    disallowedTagsMode: "discard",
    transformTags: {
      "*": (tagName, attribs) => {
        if (attribs.style === undefined) return { tagName, attribs };
        const { style, ...rest } = attribs;
        const clean = cleanStyle(style);
        return { tagName, attribs: clean ? { ...rest, style: clean } : rest };
      },
      a: (tagName, attribs) => {
        // Links open outside the frame, without telling the other site where they came from. A
        // relative one would point into the console itself (the frame's address): it goes.
        const { href, ...rest } = attribs;
        const safe: Record<string, string> = { ...rest, target: "_blank", rel: "noopener noreferrer nofollow" };
        if (href && /^\s*(https?:|mailto:|tel:)/i.test(href)) safe.href = href;
        return { tagName, attribs: safe };
      },
      img: (tagName, attribs) => {
        const src = (attribs.src ?? "").trim();
        const { src: _dropped, ...rest } = attribs;
        if (/^cid:/i.test(src)) {
          const url = inlineImageUrl(src, inline);
          return { tagName, attribs: url ? { ...rest, src: url } : rest };
        }
        if (/^data:/i.test(src)) return { tagName, attribs: SAFE_DATA_IMAGE.test(src) ? { ...rest, src } : rest };
        if (/^https?:\/\//i.test(src)) {
          if (options.allowRemote) return { tagName, attribs: { ...rest, src } };
          blockedRemote += 1;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs: rest };
      },
    },
  });
  return { html: clean, blockedRemote };
}

const URL_OR_ADDRESS = /\b(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gi;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Plain text as HTML: escaped, with its web links and addresses clickable. */
export function textToHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL_OR_ADDRESS)) {
    const value = match[0];
    out += escapeHtml(text.slice(last, match.index));
    const href = value.includes("://") ? value : `mailto:${value}`;
    out += `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${escapeHtml(value)}</a>`;
    last = (match.index ?? 0) + value.length;
  }
  out += escapeHtml(text.slice(last));
  return `<pre class="plain">${out}</pre>`;
}
