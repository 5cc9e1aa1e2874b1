"use client";
// The grid's state lives in the URL (shareable links, back/forward); this hook is the only writer.
// Every change asks the server for the new page inside a transition, so the old rows stay on
// screen (dimmed) until the new ones arrive instead of flashing a skeleton.
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { emptyFilters } from "@/lib/grid/params";
import {
  FILTER_KEYS,
  type GridParams,
  gridParsers,
  loadGridParams,
  type SortKey,
  serializeGridParams,
} from "@/lib/mailboxes/grid/params";
import type { Filters } from "../_components/filter-panel";

type FilterKey = (typeof FILTER_KEYS)[number];
type FilterValues = Pick<GridParams, FilterKey>;

const EMPTY_FILTERS = emptyFilters(FILTER_KEYS);

/** How many filters are set (search excluded: it has its own box). */
export function countActiveFilters(values: FilterValues) {
  return FILTER_KEYS.filter((key) => {
    if (key === "q" || key === "syncDays" || key === "syncFrom" || key === "syncTo") return false;
    const value = values[key];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== "";
  }).length;
}

export function useGridUrl() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(gridParsers, { shallow: false, history: "push", startTransition });
  // Any change of what is shown starts again at page one.
  const update = (patch: Partial<{ [key in keyof GridParams]: GridParams[key] | null }>) =>
    setParams({ ...patch, page: null });
  return {
    params,
    pending,
    setSearch: (q: string) => update({ q: q || null }),
    setFilters: (filters: Filters) => update(filters),
    removeFilter: (key: FilterKey, keep?: unknown[]) => update({ [key]: keep?.length ? keep : null }),
    clearFilters: () => update(EMPTY_FILTERS),
    /** Click on a header: ascending first, then descending; another column starts ascending. */
    toggleSort: (key: SortKey) =>
      update({ sort: key, dir: params.sort === key && params.dir === "asc" ? "desc" : "asc" }),
    setPage: (page: number) => setParams({ page: page > 1 ? page : null }),
    setPerPage: (perPage: GridParams["perPage"]) => update({ perPage }),
    /** A preset replaces filters and sort; page size stays the viewer's. */
    applyPreset: (query: string) => {
      const preset = loadGridParams(new URLSearchParams(query));
      const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, preset[key]]));
      update({ ...filters, sort: preset.sort, dir: preset.dir });
    },
    /** What a saved preset stores: filters and sort, without page or page size. */
    presetQuery: () => {
      const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params[key]]));
      return serializeGridParams({ ...filters, sort: params.sort, dir: params.dir }).replace(/^\?/, "");
    },
  };
}
