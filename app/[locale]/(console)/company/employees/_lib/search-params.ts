import { createSearchParamsCache, parseAsInteger, parseAsString } from "nuqs/server";

// One definition of the directory's URL state, read by the page and written by the search box.
export const employeeSearchParams = {
  q: parseAsString.withDefault(""),
  page: parseAsInteger.withDefault(1),
};

export const employeeSearchCache = createSearchParamsCache(employeeSearchParams);
export const EMPLOYEES_PER_PAGE = 25;
