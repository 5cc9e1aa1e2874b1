// Runs before every page: a request without a session goes to the sign-in page of its language,
// everything else goes on to next-intl, which resolves the locale from the path.

import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { authConfig } from "./lib/auth/config.ts";
import { routing } from "./lib/i18n/routing.ts";

const { auth } = NextAuth(authConfig);
const handleI18n = createIntlMiddleware(routing);
const PUBLIC_PATHS = new Set(["/login"]);

function splitLocale(pathname: string): { prefix: string; path: string } {
  const first = pathname.split("/")[1] ?? "";
  if ((routing.locales as readonly string[]).includes(first)) {
    return { prefix: `/${first}`, path: pathname.slice(first.length + 1) || "/" };
  }
  return { prefix: "", path: pathname };
}

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const { prefix, path } = splitLocale(pathname);
  if (!PUBLIC_PATHS.has(path) && !request.auth) {
    const loginPrefix = prefix === `/${routing.defaultLocale}` ? "" : prefix;
    const url = new URL(`${loginPrefix}/login`, request.nextUrl.origin);
    if (path !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return handleI18n(request);
});

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
