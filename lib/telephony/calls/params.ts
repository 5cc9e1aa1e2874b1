// The call log's URL state (SPEC §5.3), defined once: the page, the statistics, the CSV export
// and the client hooks all read it through these parsers. Malformed values fall back to defaults.
import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsIsoDate,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { boundedIds, boundedPage, boundedText, pageSizeOr, pagingParsers } from "../../grid/params.ts";
import type { GridSpec } from "../../grid/preferences.ts";
import { parseAsId, parseAsText } from "../../validation.ts";

export const CALL_GRID_KEY = "calls";

export const CALL_COLUMNS = [
  "startedAt",
  "employee",
  "direction",
  "status",
  "number",
  "duration",
  "recording",
  "line",
  "crm",
] as const;
export type CallColumn = (typeof CALL_COLUMNS)[number];

export const CALL_GRID: GridSpec<CallColumn> = {
  key: CALL_GRID_KEY,
  columns: CALL_COLUMNS,
  defaultColumns: ["startedAt", "employee", "direction", "status", "number", "duration", "recording"],
  // When and who identify a call on screen.
  required: ["startedAt", "employee"],
};

export const CALL_SORT_KEYS = ["startedAt", "duration", "employee", "number"] as const;
export type CallSortKey = (typeof CALL_SORT_KEYS)[number];
export const DIRECTIONS = ["INCOMING", "OUTGOING"] as const;
export const STATUSES = ["ANSWERED", "MISSED", "BUSY", "FAILED"] as const;
export type CallDirection = (typeof DIRECTIONS)[number];
export type CallStatus = (typeof STATUSES)[number];

/** Without a date in the URL the log shows the last 30 days (today included). */
export const DEFAULT_RANGE_DAYS = 30;
/** No query may span more than this: statistics over decades are a report, not a page. */
export const MAX_RANGE_DAYS = 3660;

export const callParsers = {
  employees: parseAsArrayOf(parseAsId).withDefault([]),
  direction: parseAsArrayOf(parseAsStringLiteral(DIRECTIONS)).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(STATUSES)).withDefault([]),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  number: parseAsText.withDefault(""),
  crmType: parseAsString.withDefault(""),
  crmId: parseAsId,
  sort: parseAsStringLiteral(CALL_SORT_KEYS).withDefault("startedAt"),
  ...pagingParsers,
  // The newest calls first unless the URL says otherwise.
  dir: pagingParsers.dir.withDefault("desc"),
};

export const loadCallParams = createLoader(callParsers);
export const serializeCallParams = createSerializer(callParsers);
export type CallParams = Awaited<ReturnType<typeof loadCallParams>>;

/** The filter part (what presets save and "clear filters" clears). */
export const CALL_FILTER_KEYS = [
  "employees",
  "direction",
  "status",
  "from",
  "to",
  "number",
  "crmType",
  "crmId",
] as const;

/** The number as stored (digits, optional leading "+"), so "030 555-1" finds "+49305551…". */
export function numberFragment(raw: string): string {
  const digits = raw.replace(/[^\d]/g, "");
  const plus = raw.trim().startsWith("+") ? "+" : "";
  // A leading "0" is a national prefix the stored international form does not have.
  return plus ? `+${digits}` : digits.replace(/^0+/, "");
}

export function normalizeCallParams(params: CallParams, savedPageSize: number) {
  return {
    ...params,
    employees: boundedIds(params.employees),
    direction: [...new Set(params.direction)],
    status: [...new Set(params.status)],
    number: numberFragment(boundedText(params.number)).slice(0, 32),
    crmType: boundedText(params.crmType).slice(0, 40),
    page: boundedPage(params.page),
    perPage: pageSizeOr(params.perPage, savedPageSize) as number,
  };
}
export type CallQuery = ReturnType<typeof normalizeCallParams>;
