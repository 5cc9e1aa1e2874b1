import { defineRouting } from "next-intl/routing";

export const locales = ["en", "de", "it", "ar"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  // English lives at unprefixed paths (/login); the others under /de, /it, /ar.
  localePrefix: "as-needed",
  // The URL alone decides the language, so a shared link shows the same page to everyone.
  localeDetection: false,
});

export const rtlLocales: ReadonlySet<Locale> = new Set(["ar"]);

export function directionOf(locale: string): "rtl" | "ltr" {
  return rtlLocales.has(locale as Locale) ? "rtl" : "ltr";
}
