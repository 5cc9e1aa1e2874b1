"use server";
import { signOut } from "@/lib/auth";
import { routing } from "@/lib/i18n/routing";

export async function signOutAction(formData: FormData) {
  const locale = String(formData.get("locale") ?? routing.defaultLocale);
  const prefix =
    locale !== routing.defaultLocale && (routing.locales as readonly string[]).includes(locale) ? `/${locale}` : "";
  await signOut({ redirectTo: `${prefix}/login` });
}
