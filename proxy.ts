// Runs before every page (and every other request but API routes and Next.js's assets):
// 1. a write without this console's Origin is refused (lib/security/action-origin.ts);
// 2. the page gets its Content-Security-Policy with a fresh nonce (lib/security/headers.ts);
// 3. a request without a session goes to the sign-in page of its language, everything else
//    goes on to next-intl, which resolves the locale from the path.

import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import NextAuth, { type NextAuthRequest } from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { authConfig } from "./lib/auth/config.ts";
import { isDevelopment, oidcSettings } from "./lib/env.ts";
import { routing } from "./lib/i18n/routing.ts";
import { checkActionOrigin, type OriginCheck } from "./lib/security/action-origin.ts";
import { newNonce, pagePolicy } from "./lib/security/headers.ts";

const { auth } = NextAuth(authConfig);
const handleI18n = createIntlMiddleware(routing);
const PUBLIC_PATHS = new Set(["/login"]);
// Invitation links (/invite/<token>) are opened by people who have no account yet.
const isPublicPath = (path: string) => PUBLIC_PATHS.has(path) || /^\/invite\/[^/]+$/.test(path);

function splitLocale(pathname: string): { prefix: string; path: string } {
  const first = pathname.split("/")[1] ?? "";
  if ((routing.locales as readonly string[]).includes(first)) {
    return { prefix: `/${first}`, path: pathname.slice(first.length + 1) || "/" };
  }
  return { prefix: "", path: pathname };
}

const withSession = auth((request: NextAuthRequest, _event: NextFetchEvent) => {
  const { pathname, search } = request.nextUrl;
  const { prefix, path } = splitLocale(pathname);
  if (!isPublicPath(path) && !request.auth) {
    const loginPrefix = prefix === `/${routing.defaultLocale}` ? "" : prefix;
    const url = new URL(`${loginPrefix}/login`, request.nextUrl.origin);
    if (path !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return handleI18n(request);
});

let lastRefusalLog = 0;
function refuse(check: Extract<OriginCheck, { ok: false }>, request: NextRequest, policy: string) {
  // Once a minute at most: behind a misconfigured reverse proxy every action is refused, and this
  // line says why; a flood of forged requests does not flood the log.
  if (Date.now() - lastRefusalLog > 60_000) {
    lastRefusalLog = Date.now();
    const from = check.reason === "missing-origin" ? "no Origin header" : `Origin "${check.origin?.slice(0, 100)}"`;
    console.warn(
      `[proxy] refused ${request.method} ${request.nextUrl.pathname}: ${from}, this console is "${check.host?.slice(0, 100) ?? "?"}". Behind a reverse proxy, pass Host or X-Forwarded-Host on unchanged (SECURITY.md).`,
    );
  }
  return new NextResponse("Refused: a change must come from this console's own pages (Origin header).\n", {
    status: 403,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": policy,
    },
  });
}

let formTargets: string[] | undefined;
/** The OIDC issuer: its sign-in form posts to this console, which redirects there. */
function oidcFormTargets(): string[] {
  // A malformed issuer fails the sign-in, not every page.
  formTargets ??= [oidcSettings()?.issuer].flatMap((issuer) =>
    issuer && URL.canParse(issuer) ? [new URL(issuer).origin] : [],
  );
  return formTargets;
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const policy = pagePolicy(newNonce(), { development: isDevelopment(), formTargets: oidcFormTargets() });
  const origin = checkActionOrigin(request.method, request.headers);
  if (!origin.ok) return refuse(origin, request, policy);
  // On the request too: Next.js takes the nonce from the request's policy for the scripts it renders.
  request.headers.set("content-security-policy", policy);
  const onward = () => NextResponse.next({ request: { headers: request.headers } });
  // Files (public/, or a path that only looks like one) need no session or locale, as before.
  const response = request.nextUrl.pathname.includes(".")
    ? onward()
    : ((await withSession(request, event)) ?? onward());
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // API routes carry a fixed policy (next.config.ts); Next.js's own assets need none.
  matcher: ["/((?!api|_next|_vercel).*)"],
};
