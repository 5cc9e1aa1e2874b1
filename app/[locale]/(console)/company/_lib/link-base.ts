// The address invitation links point at: this console as the administrator reached it. The
// action's Origin header was already checked against the request's host (lib/security/
// action-origin), so it cannot be a foreign site planted into the mail.
import "server-only";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";

export async function invitationLinkOptions() {
  const requestHeaders = await headers();
  const origin = requestHeaders.get("origin");
  if (!origin) throw new Error("an action without an Origin header reached the invitation code");
  return { linkBase: origin, locale: await getLocale() };
}
