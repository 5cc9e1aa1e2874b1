import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import ar from "./messages/ar.json";
import de from "./messages/de.json";
import en from "./messages/en.json";
import it_ from "./messages/it.json";

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );

const catalogs = { en, de, it: it_, ar } as Record<string, Tree>;

describe("translations", () => {
  const english = new Map(flatten(catalogs.en!));
  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`${locale}: has exactly the English keys, every message parses and uses the same arguments`, () => {
      const messages = new Map(flatten(catalog));
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of messages) {
        expect(() => new IntlMessageFormat(text, locale), `${locale}:${key}`).not.toThrow();
        const argumentsOf = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();
        expect(new Set(argumentsOf(text)), `${locale}:${key}`).toEqual(new Set(argumentsOf(english.get(key)!)));
      }
    });
  }
});
