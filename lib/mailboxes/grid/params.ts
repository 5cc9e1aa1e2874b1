// The grid's URL state (SPEC §2.2), defined once: the server query parses it, the client hooks
// write it. Unknown or malformed values fall back to defaults instead of failing the page.
import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsFloat,
  parseAsInteger,
  parseAsIsoDate,
  parseAsStringLiteral,
} from "nuqs/server";
import { boundedIds, boundedPage, boundedText, PAGE_SIZES, pageSizeOr, pagingParsers } from "../../grid/params.ts";
import { parseAsId, parseAsText } from "../../validation.ts";

export { PAGE_SIZES };

export const GRID_KEY = "mailboxes";

export const GRID_COLUMNS = [
  "owner",
  "email",
  "lastSync",
  "crm",
  "disk",
  "manage",
  "name",
  "access",
  "queue",
  "sender",
] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];
export const DEFAULT_COLUMNS: GridColumn[] = ["owner", "email", "lastSync", "crm", "disk", "manage"];

export const SORT_KEYS = ["owner", "email", "lastSync", "disk", "unread"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SYNC_FILTERS = ["today", "yesterday", "7d", "30d", "older", "never", "range"] as const;
export const STATUS_FILTERS = ["OK", "ERROR", "NEEDS_PASSWORD", "PENDING"] as const;

export const gridParsers = {
  // Ids past int4 and text PostgreSQL cannot store (NUL) read as absent (lib/validation.ts).
  q: parseAsText.withDefault(""),
  email: parseAsText.withDefault(""),
  name: parseAsText.withDefault(""),
  sender: parseAsText.withDefault(""),
  owners: parseAsArrayOf(parseAsId).withDefault([]),
  access: parseAsArrayOf(parseAsId).withDefault([]),
  queue: parseAsArrayOf(parseAsId).withDefault([]),
  sync: parseAsStringLiteral(SYNC_FILTERS),
  syncDays: parseAsInteger,
  syncFrom: parseAsIsoDate,
  syncTo: parseAsIsoDate,
  crm: parseAsStringLiteral(["yes", "no"] as const),
  status: parseAsArrayOf(parseAsStringLiteral(STATUS_FILTERS)).withDefault([]),
  diskMin: parseAsFloat,
  diskMax: parseAsFloat,
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("email"),
  ...pagingParsers,
};

export const loadGridParams = createLoader(gridParsers);
export const serializeGridParams = createSerializer(gridParsers);
export type GridParams = Awaited<ReturnType<typeof loadGridParams>>;

/** The filter part only (what presets save and the "clear filters" button clears). */
export const FILTER_KEYS = [
  "q",
  "email",
  "name",
  "sender",
  "owners",
  "access",
  "queue",
  "sync",
  "syncDays",
  "syncFrom",
  "syncTo",
  "crm",
  "status",
  "diskMin",
  "diskMax",
] as const;

/** Bounds the server puts on whatever the URL says, so no request can ask for unbounded work. */
export function normalizeGridParams(params: GridParams, defaultPageSize: number) {
  const text = boundedText;
  const ids = boundedIds;
  const mb = (value: number | null) =>
    value === null || !Number.isFinite(value) || value < 0 ? null : Math.min(value, 10_000_000);
  return {
    ...params,
    q: text(params.q),
    email: text(params.email),
    name: text(params.name),
    sender: text(params.sender),
    owners: ids(params.owners),
    access: ids(params.access),
    queue: ids(params.queue),
    syncDays: params.syncDays === null ? null : Math.min(Math.max(params.syncDays, 1), 3650),
    diskMin: mb(params.diskMin),
    diskMax: mb(params.diskMax),
    page: boundedPage(params.page),
    // A number, not a PageSize: the CSV export pages through the same query with larger pages.
    perPage: pageSizeOr(params.perPage, defaultPageSize) as number,
  };
}
export type GridQuery = ReturnType<typeof normalizeGridParams>;
