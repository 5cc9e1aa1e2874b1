import { createSearchParamsCache } from "nuqs/server";
import { parseAsPage, parseAsText } from "@/lib/validation";

// One definition of the phone-settings list's URL state, read by the page and written by the search box.
export const phoneSettingsSearchParams = {
  q: parseAsText.withDefault(""),
  page: parseAsPage.withDefault(1),
};

export const phoneSettingsSearchCache = createSearchParamsCache(phoneSettingsSearchParams);
export const PHONE_SETTINGS_PER_PAGE = 25;
