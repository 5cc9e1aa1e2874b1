import { createSearchParamsCache, parseAsIsoDate } from "nuqs/server";
import { parseAsId, parseAsPage, parseAsText } from "@/lib/validation";

// Ids past int4, NUL bytes and enormous pages read as "not given" (lib/validation.ts).
export const auditSearchParams = {
  actor: parseAsId,
  entity: parseAsText,
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  page: parseAsPage.withDefault(1),
};

export const auditSearchCache = createSearchParamsCache(auditSearchParams);
export const AUDIT_PER_PAGE = 50;
