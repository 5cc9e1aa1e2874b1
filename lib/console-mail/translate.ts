// Mails are written in the recipient's language (their saved locale, else English), outside any
// request: the same message catalogs as the pages, read directly.
import { createTranslator } from "use-intl/core";
import ar from "../i18n/messages/ar.json" with { type: "json" };
import de from "../i18n/messages/de.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import it from "../i18n/messages/it.json" with { type: "json" };

const catalogs = { en, de, it, ar } as const;
export type MailLocale = keyof typeof catalogs;

export function mailLocale(value: string | null | undefined): MailLocale {
  return value && value in catalogs ? (value as MailLocale) : "en";
}

export function mailTranslator(locale: string | null | undefined) {
  const chosen = mailLocale(locale);
  return createTranslator({ locale: chosen, messages: catalogs[chosen] as typeof en });
}
