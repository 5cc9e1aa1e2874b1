"use client";
// The call log's state lives in the URL (shareable, back/forward); this hook is its only writer.
// Changes run in a transition so the old rows stay (dimmed) until the new page arrives.
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { emptyFilters } from "@/lib/grid/params";
import {
  CALL_FILTER_KEYS,
  type CallParams,
  type CallSortKey,
  callParsers,
  loadCallParams,
  serializeCallParams,
} from "@/lib/telephony/calls/params";

export type CallFilterKey = (typeof CALL_FILTER_KEYS)[number];
export type CallFilters = Pick<CallParams, CallFilterKey>;
const EMPTY_FILTERS = emptyFilters(CALL_FILTER_KEYS);

export function countCallFilters(values: CallFilters) {
  return CALL_FILTER_KEYS.filter((key) => {
    const value = values[key];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== "";
  }).length;
}

export function currentCallFilters(params: CallParams): CallFilters {
  return Object.fromEntries(CALL_FILTER_KEYS.map((key) => [key, params[key]])) as CallFilters;
}

export function useCallUrl() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(callParsers, { shallow: false, history: "push", startTransition });
  const update = (patch: Partial<{ [key in keyof CallParams]: CallParams[key] | null }>) =>
    setParams({ ...patch, page: null });
  return {
    params,
    pending,
    setFilters: (filters: Partial<CallFilters>) => update(filters),
    clearFilters: () => update(EMPTY_FILTERS),
    /** Newest/longest first is what people look for, so a new column starts descending. */
    toggleSort: (key: CallSortKey) =>
      update({ sort: key, dir: params.sort === key && params.dir === "desc" ? "asc" : "desc" }),
    setPage: (page: number) => setParams({ page: page > 1 ? page : null }),
    setPerPage: (perPage: CallParams["perPage"]) => update({ perPage }),
    applyPreset: (query: string) => {
      const preset = loadCallParams(new URLSearchParams(query));
      update({ ...currentCallFilters(preset), sort: preset.sort, dir: preset.dir });
    },
    presetQuery: () =>
      serializeCallParams({ ...currentCallFilters(params), sort: params.sort, dir: params.dir }).replace(/^\?/, ""),
    /** Filters and sort as a query string (the CSV export asks for the same set). */
    filterQuery: () => serializeCallParams({ ...currentCallFilters(params), sort: params.sort, dir: params.dir }),
  };
}
