import { createSearchParamsCache, parseAsInteger, parseAsIsoDate, parseAsString } from "nuqs/server";

export const auditSearchParams = {
  actor: parseAsInteger,
  entity: parseAsString,
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  page: parseAsInteger.withDefault(1),
};

export const auditSearchCache = createSearchParamsCache(auditSearchParams);
export const AUDIT_PER_PAGE = 50;
