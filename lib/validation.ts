// What client input may contain, defined once for every door it comes through: server-action
// schemas, URL search params, route params and API routes. A hostile value is refused as a
// validation error — or, in a URL, read as "not given" — before it reaches PostgreSQL, which
// would refuse it with an error the user sees as a 500: an integer past int4, a NUL byte in
// text, UTF-16 that cannot be encoded as UTF-8.
import { createParser } from "nuqs/server";
import { z } from "./zod.ts";

/** The largest PostgreSQL `integer` (int4): every `Int` id column of the schema. */
export const MAX_ID = 2_147_483_647;
/** The largest PostgreSQL `bigint`: `BigInt` ids (audit events). */
export const MAX_BIG_ID = 9_223_372_036_854_775_807n;
/** Pages past this are nobody's browsing, only a way to ask for an enormous OFFSET. */
export const MAX_PAGE = 100_000;

/** Message key (under Validation, and AccessRights.validation) for every refusal below. */
export const DISALLOWED_CHARACTERS = "disallowedCharacters";

// NUL: PostgreSQL text cannot hold it. A lone surrogate: not valid UTF-16, so it has no UTF-8
// form (Node would silently store U+FFFD instead). Surrogate pairs (emoji) are fine.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Names are one-line labels shown to other people (in chips, lists, mail headers, the audit log):
// - C0 and C1 control characters (line breaks, tabs, ESC, DEL…) and the line/paragraph separators
//   U+2028/U+2029: a name is one line, and a CR/LF can end a mail header or a log line early;
// - bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder the
//   text around them, so "‮gpj.exe" reads as "exe.jpg" ("Trojan Source", CVE-2021-42574), and an
//   unclosed one spills into whatever is rendered next to the name.
// The marks LRM/RLM/ALM (U+200E, U+200F, U+061C) are allowed: they open no run, only set the
// direction of neighbouring punctuation and digits, and Arabic and Hebrew keyboards insert them
// in ordinary names ("شركة ABC." needs an RLM to keep its full stop in place). ZWJ/ZWNJ stay too:
// Persian and Indic spellings and emoji sequences need them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NOT_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Text PostgreSQL can store as sent: no NUL, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** A one-line name: storable, without control characters or bidi embeddings, overrides, isolates. */
export function isCleanName(value: string): boolean {
  return isStorableText(value) && !NOT_IN_NAMES.test(value);
}

/** A positive id of an `Int` column, from a number (action input, JSON). */
export const idSchema = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(MAX_ID, "invalid");

/** An access subject's reference: an id, or 0 for the kinds that need none. */
export const subjectRefIdSchema = z
  .number({ error: "invalid" })
  .int("invalid")
  .min(0, "invalid")
  .max(MAX_ID, "invalid");

/** Free text (a signature, a search, a password): anything PostgreSQL can store. */
export const textSchema = z.string().refine(isStorableText, DISALLOWED_CHARACTERS);

/** A name (person, role, preset, mailbox, sender, folder): one clean line. */
export const nameSchema = z.string().refine(isCleanName, DISALLOWED_CHARACTERS);

/** An id from a string (route param, query string): decimal digits within int4, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value === "number") return idSchema.safeParse(value).success ? value : null;
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_ID ? id : null;
}

/** A `BigInt` id from a string (route param), or null. */
export function parseBigId(value: unknown): bigint | null {
  if (typeof value !== "string" || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id >= 1n && id <= MAX_BIG_ID ? id : null;
}

// URL search params (nuqs): a malformed value reads as absent, so the page falls back to its
// default instead of failing — the same rule as every other malformed filter.

/** An `Int` id in the query string. */
export const parseAsId = createParser({ parse: parseId, serialize: String });

/** A page number, 1 to MAX_PAGE. */
export const parseAsPage = createParser({
  parse: (value) => {
    const page = parseId(value);
    return page !== null && page <= MAX_PAGE ? page : null;
  },
  serialize: String,
});

/** Free text in the query string (searches, filters). */
export const parseAsText = createParser({
  parse: (value) => (isStorableText(value) ? value : null),
  serialize: (value: string) => value,
});
