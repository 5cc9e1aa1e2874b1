// Phone numbers in the one form User.phones, CRM phones and call records use. Its own module (no
// "server-only") so forms in the browser normalise exactly as the server does.

/** Digits with an optional leading "+"; "00" becomes "+". */
export function normalizePhoneNumber(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/[^\d]/g, "");
  if (trimmed.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  return digits;
}
