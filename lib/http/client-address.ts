// The address a request really came from. The console's web server (scripts/web-server.ts)
// replaces X-Forwarded-For with one trusted value before the app sees the request: the peer
// of the socket, or, behind TRUSTED_PROXY_HOPS reverse proxies, the address the outermost
// trusted proxy saw. Everything a client writes into the header itself is ignored, so the
// sign-in throttle cannot be dodged by inventing addresses.
import { isIP } from "node:net";

/** "::ffff:10.0.0.1" → "10.0.0.1": one address family per client, however it connected. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/**
 * The trusted client address: the socket peer when no proxy is trusted; otherwise the entry
 * `hops` places from the right of the chain "X-Forwarded-For entries…, socket peer", which is
 * what the outermost trusted proxy recorded. Entries further left are the client's own claims.
 */
export function trustedClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const claimed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...claimed, socketAddress ?? ""];
  const picked = chain[Math.max(0, chain.length - 1 - trustedHops)] ?? "";
  const address = normaliseAddress(picked);
  return isIP(address) ? address : "unknown";
}

/** For the app: the one address the web server left in X-Forwarded-For. */
export function clientAddressOf(headers: Headers): string {
  const value = headers.get("x-forwarded-for")?.split(",")[0] ?? "";
  const address = normaliseAddress(value);
  return isIP(address) ? address : "unknown";
}
