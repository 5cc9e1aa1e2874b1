// vCards (RFC 6350, and the 2.1/3.0 forms mail programs still attach) → the fields a contact needs.
// Only what the CRM keeps is read: name, addresses, phone numbers, organisation.
import { normalizePhoneNumber } from "../../access/phone-number.ts";
import { oneLine } from "./text.ts";

export interface VcardContact {
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
}

const MAX_CARDS = 50;

/** Unfolds continuation lines (a line starting with a space or tab continues the previous one). */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]/g, "")
    .split("\n");
}

function unescapeValue(value: string): string {
  return value
    .replace(/\\n/gi, " ")
    .replace(/\\([,;\\])/g, "$1")
    .trim();
}

function decodeQuotedPrintable(value: string, params: string): string {
  if (!/ENCODING=QUOTED-PRINTABLE/i.test(params)) return value;
  const bytes = value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

const clean = (value: string) => oneLine(value);

export function parseVcards(text: string): VcardContact[] {
  const cards: VcardContact[] = [];
  let current: { fn: string; n: string; emails: string[]; phones: string[]; org: string } | null = null;
  for (const line of unfold(text)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const head = line.slice(0, colon);
    const [rawName = "", ...paramParts] = head.split(";");
    // Grouped properties ("item1.EMAIL") are the same property.
    const name = rawName.replace(/^[^.]*\./, "").toUpperCase();
    const params = paramParts.join(";");
    const value = decodeQuotedPrintable(line.slice(colon + 1), params);
    if (name === "BEGIN" && value.trim().toUpperCase() === "VCARD") {
      current = { fn: "", n: "", emails: [], phones: [], org: "" };
      continue;
    }
    if (!current) continue;
    if (name === "END") {
      const displayName = clean(current.fn || current.n);
      const emails = [...new Set(current.emails)];
      if (displayName || emails.length > 0)
        cards.push({
          name: displayName || emails[0]!,
          emails,
          phones: [...new Set(current.phones)],
          company: clean(current.org) || null,
        });
      current = null;
      if (cards.length >= MAX_CARDS) break;
      continue;
    }
    if (name === "FN") current.fn = unescapeValue(value);
    else if (name === "N") {
      const [family = "", given = ""] = value.split(";").map(unescapeValue);
      current.n = `${given} ${family}`.trim();
    } else if (name === "EMAIL") {
      const address = unescapeValue(value)
        .replace(/^mailto:/i, "")
        .toLowerCase();
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && address.length <= 320) current.emails.push(address);
    } else if (name === "TEL") {
      const number = normalizePhoneNumber(unescapeValue(value).replace(/^tel:/i, ""));
      if (number.replace("+", "").length >= 3 && number.length <= 32) current.phones.push(number);
    } else if (name === "ORG") current.org = unescapeValue(value.split(";")[0] ?? "");
  }
  return cards;
}
