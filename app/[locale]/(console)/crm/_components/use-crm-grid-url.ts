"use client";
// A CRM grid's state lives in the URL (shareable, back/forward); this hook is its only writer.
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { CRM_FILTER_KEYS, type CrmGridParams, type CrmSortKey, crmGridParsers } from "@/lib/crm/grid/params";
import { emptyFilters } from "@/lib/grid/params";

export function useCrmGridUrl() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(crmGridParsers, { shallow: false, history: "push", startTransition });
  const update = (patch: Partial<{ [key in keyof CrmGridParams]: CrmGridParams[key] | null }>) =>
    setParams({ ...patch, page: null });
  const active = (params.q ? 1 : 0) + (params.status.length > 0 ? 1 : 0) + (params.mine ? 1 : 0);
  return {
    params,
    pending,
    active,
    setQuery: (q: string) => update({ q: q || null }),
    toggleStatus: (status: CrmGridParams["status"][number]) =>
      update({
        status: params.status.includes(status)
          ? params.status.filter((other) => other !== status)
          : [...params.status, status],
      }),
    setMine: (mine: boolean) => update({ mine: mine || null }),
    clearFilters: () => update(emptyFilters(CRM_FILTER_KEYS)),
    toggleSort: (key: CrmSortKey) =>
      update({ sort: key, dir: params.sort === key && params.dir === "desc" ? "asc" : "desc" }),
    setPage: (page: number) => setParams({ page: page > 1 ? page : null }),
    setPerPage: (perPage: CrmGridParams["perPage"]) => update({ perPage }),
  };
}
