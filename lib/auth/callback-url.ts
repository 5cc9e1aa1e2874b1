// Where to go after sign-in: only a path on this console, never another host. Decided by the URL
// parser itself, so every trick a browser would follow off-site ("//host", "/\host", tabs and
// newlines inside the slashes, "http:host") resolves to a foreign origin and is refused.
const PROBE_ORIGIN = "http://console.invalid";

/** The same-site path (with query and hash) the value points to, or undefined. */
export function safeCallbackPath(value: string | undefined | null): string | undefined {
  if (!value || value.length > 2_000 || !value.startsWith("/")) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
