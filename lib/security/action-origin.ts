// Server actions only from this console's own pages. Next.js compares a server action's Origin
// with the host only when an Origin is sent, and lets a request without one through; the request
// proxy (proxy.ts) closes that gap for every write to a page route — fetch actions (Next-Action
// header) and the form posts Next.js also runs as actions before the page has hydrated. Browsers
// always send Origin on such requests, so only hand-made or stripped requests lack it.

/**
 * Hosts, besides the console's own, whose pages may call server actions: Next.js's
 * `serverActions.allowedOrigins` (next.config.ts takes this list), with its syntax — "host" or
 * "host:port", "*." for one label, a leading "**." for one or more. Empty: only same-origin.
 */
export const EXTRA_ACTION_HOSTS: string[] = [];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheck =
  | { ok: true }
  | { ok: false; reason: "missing-origin" | "foreign-origin"; origin: string | null; host: string | null };

/** The host the browser addressed: the first X-Forwarded-Host (set by Next.js itself when no proxy did), else Host. */
function ownHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host") || "").toLowerCase() || null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase() || null;
  } catch {
    return null; // "null" (sandboxed or privacy-stripped contexts) or garbage
  }
}

/** Next.js's allowedOrigins matching, label by label from the right. */
export function hostMatches(pattern: string, host: string): boolean {
  const wanted = pattern.toLowerCase().split(".");
  const labels = host.toLowerCase().split(".");
  if (wanted.length === 1 && (wanted[0] === "*" || wanted[0] === "**")) return false;
  while (wanted.length) {
    const part = wanted.pop()!;
    if (part === "**") return wanted.length === 0 && labels.length > 0;
    const label = labels.pop();
    if (!part || label === undefined || (part !== "*" && part !== label) || (part === "*" && !label)) return false;
  }
  return labels.length === 0;
}

/** Whether a request to a page route may go on: reads pass; writes need this console's Origin. */
export function checkActionOrigin(method: string, headers: Headers, extraHosts = EXTRA_ACTION_HOSTS): OriginCheck {
  if (SAFE_METHODS.has(method.toUpperCase())) return { ok: true };
  const origin = headers.get("origin");
  const host = ownHost(headers);
  if (!origin) return { ok: false, reason: "missing-origin", origin, host };
  const from = originHost(origin);
  if (from && (from === host || extraHosts.some((pattern) => hostMatches(pattern, from)))) return { ok: true };
  return { ok: false, reason: "foreign-origin", origin, host };
}
