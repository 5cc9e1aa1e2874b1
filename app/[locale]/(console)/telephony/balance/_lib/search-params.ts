import { createSearchParamsCache, parseAsIsoDate } from "nuqs/server";
import { parseAsPage } from "@/lib/validation";

// The ledger's URL state: a date range (whole days) and the page; malformed values read as absent.
export const ledgerSearchParams = {
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  page: parseAsPage.withDefault(1),
};

export const ledgerSearchCache = createSearchParamsCache(ledgerSearchParams);
export const LEDGER_PER_PAGE = 50;
