import { createSearchParamsCache } from "nuqs/server";
import { parseAsPage } from "@/lib/validation";

// The outbox's URL state: only the page (malformed or enormous reads as the first).
export const outboxSearchCache = createSearchParamsCache({ page: parseAsPage.withDefault(1) });
