// Names from mail headers and vCards become one-line labels: no control characters and no bidi
// embeddings, overrides or isolates (the same rule lib/validation.ts applies to typed names).

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const NOT_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function oneLine(value: string, max = 200): string {
  return value.replace(NOT_IN_NAMES, " ").replace(/\s+/g, " ").trim().slice(0, max);
}
