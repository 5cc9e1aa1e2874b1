// URL state of the CRM's two grids (leads, contacts), defined once for the page's query and the
// client hooks. Malformed values fall back to defaults (lib/grid/params.ts).
import { createLoader, createSerializer, parseAsArrayOf, parseAsBoolean, parseAsStringLiteral } from "nuqs/server";
import { boundedPage, boundedText, pageSizeOr, pagingParsers } from "../../grid/params.ts";
import type { GridSpec } from "../../grid/preferences.ts";
import { parseAsText } from "../../validation.ts";

export const LEAD_STATUSES = ["NEW", "IN_PROGRESS", "CONVERTED", "LOST"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_COLUMNS = ["title", "name", "email", "status", "responsible", "source", "createdAt"] as const;
export const CONTACT_COLUMNS = ["name", "email", "phone", "company", "responsible", "source", "createdAt"] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

export const LEAD_GRID: GridSpec<LeadColumn> = {
  key: "crm-leads",
  columns: LEAD_COLUMNS,
  defaultColumns: ["title", "email", "status", "responsible", "createdAt"],
  required: ["title"],
};

export const CONTACT_GRID: GridSpec<ContactColumn> = {
  key: "crm-contacts",
  columns: CONTACT_COLUMNS,
  defaultColumns: ["name", "email", "company", "responsible", "createdAt"],
  required: ["name"],
};

export const CRM_SORT_KEYS = ["createdAt", "name"] as const;
export type CrmSortKey = (typeof CRM_SORT_KEYS)[number];

export const crmGridParsers = {
  q: parseAsText.withDefault(""),
  status: parseAsArrayOf(parseAsStringLiteral(LEAD_STATUSES)).withDefault([]),
  /** Only records I am responsible for. */
  mine: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(CRM_SORT_KEYS).withDefault("createdAt"),
  ...pagingParsers,
  // The newest records first unless the URL says otherwise.
  dir: pagingParsers.dir.withDefault("desc"),
};

export const loadCrmGridParams = createLoader(crmGridParsers);
export const serializeCrmGridParams = createSerializer(crmGridParsers);
export type CrmGridParams = Awaited<ReturnType<typeof loadCrmGridParams>>;
export const CRM_FILTER_KEYS = ["q", "status", "mine"] as const;

export function normalizeCrmGridParams(params: CrmGridParams, savedPageSize: number) {
  return {
    ...params,
    q: boundedText(params.q),
    status: [...new Set(params.status)],
    page: boundedPage(params.page),
    perPage: pageSizeOr(params.perPage, savedPageSize) as number,
  };
}
export type CrmGridQuery = ReturnType<typeof normalizeCrmGridParams>;
