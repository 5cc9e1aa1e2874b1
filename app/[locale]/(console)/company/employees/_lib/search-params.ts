import { createSearchParamsCache } from "nuqs/server";
import { parseAsPage, parseAsText } from "@/lib/validation";

// One definition of the directory's URL state, read by the page and written by the search box.
// A search PostgreSQL cannot take (a NUL byte) or an enormous page reads as "not given".
export const employeeSearchParams = {
  q: parseAsText.withDefault(""),
  page: parseAsPage.withDefault(1),
};

export const employeeSearchCache = createSearchParamsCache(employeeSearchParams);
export const EMPLOYEES_PER_PAGE = 25;
