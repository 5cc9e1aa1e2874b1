// Security headers (SECURITY.md "Headers"). Pages get a Content-Security-Policy with a fresh
// nonce from the request proxy (proxy.ts): Next.js reads the nonce from the request's policy and
// puts it on every script it renders, and 'strict-dynamic' lets those scripts load the app's
// chunks — no host list, no 'unsafe-inline' for scripts, no 'unsafe-eval' outside `next dev`.
// The fixed headers below go on every response, assets and API routes included (next.config.ts).

export interface PolicyOptions {
  /** `next dev`: React rebuilds server error stacks in the browser with eval. Never in production. */
  development?: boolean;
  /** Origins a form may submit to besides this console (the OIDC issuer: sign-in is a form post that redirects there). */
  formTargets?: string[];
}

/**
 * The policy for pages (anything the browser renders as a document). Styles allow inline: React
 * and Radix render `style` attributes, and sonner injects its stylesheet without a nonce; a nonce
 * in style-src would switch 'unsafe-inline' off and break both. Images may come from any https
 * host because mail signatures (sanitised to https and data: images) show their logos.
 */
export function pagePolicy(nonce: string, options: PolicyOptions = {}): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...(options.formTargets ?? [])].join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * API routes answer JSON, CSV or Auth.js's own small HTML pages (sign-out, error): nothing may run
 * there, only their inline styles apply, and no page may frame them.
 */
export const API_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** A nonce per response: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * On every response. X-Frame-Options repeats frame-ancestors for browsers without CSP 3; the
 * referrer stays on this origin (grid URLs carry filters, mailbox URLs ids); no powerful browser
 * feature is used by the console, so none may be used by anything it loads. HSTS is left to the
 * TLS terminator in front (SECURITY.md): the console itself may run on plain HTTP.
 */
export const FIXED_HEADERS: { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
