// CSV cells for every grid export: quoted where needed, and never a spreadsheet formula.

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // A leading =,+,-,@ would be a formula in a spreadsheet: prefixed with an apostrophe and quoted.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line with the byte-order mark spreadsheet programs need to read UTF-8. */
export const csvHeader = (names: string[]) => `\uFEFF${names.map(csvCell).join(",")}\r\n`;
export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(",")}\r\n`;
