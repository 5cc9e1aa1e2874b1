// URL-state pieces every server-driven grid shares (SPEC §2.2): page sizes, sort direction,
// and the bounds the server puts on whatever a URL says, so no request asks for unbounded work.
import { parseAsInteger, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";

export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Page, page size and sort direction: the same keys in every grid's URL. */
export const pagingParsers = {
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  page: parseAsInteger.withDefault(1),
  perPage: parseAsNumberLiteral(PAGE_SIZES),
};

/** Free text from a URL: trimmed and capped. */
export const boundedText = (value: string) => value.trim().slice(0, 200);

/** Ids from a URL: positive, unique, at most 100 (a filter, not a bulk lookup). */
export const boundedIds = (values: number[]) => [...new Set(values.filter((id) => id > 0))].slice(0, 100);

export const boundedPage = (page: number) => Math.max(1, Math.min(page, 100_000));

/** The URL's page size, else the user's saved one, else the smallest. */
export function pageSizeOr(perPage: PageSize | null, saved: number): PageSize {
  return perPage ?? (PAGE_SIZES.includes(saved as PageSize) ? (saved as PageSize) : PAGE_SIZES[0]);
}

/** The filter part of a parsed URL, set to null: what "clear filters" writes. */
export function emptyFilters<K extends string>(keys: readonly K[]): { [key in K]: null } {
  return Object.fromEntries(keys.map((key) => [key, null])) as { [key in K]: null };
}
