"use server";
import { signOut } from "@/lib/auth";
import { revokeCurrentSession } from "@/lib/auth/viewer";
import { routing } from "@/lib/i18n/routing";

export async function signOutAction(formData: FormData) {
  // End the session on the server: a cookie that comes back (say, from a request still in flight
  // that refreshed it) no longer signs anyone in.
  await revokeCurrentSession();
  const locale = String(formData.get("locale") ?? routing.defaultLocale);
  const prefix =
    locale !== routing.defaultLocale && (routing.locales as readonly string[]).includes(locale) ? `/${locale}` : "";
  await signOut({ redirectTo: `${prefix}/login` });
}
