"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { routing } from "@/lib/i18n/routing";

export type LoginState = {
  email?: string;
  fieldErrors?: { email?: "emailRequired"; password?: "passwordRequired" };
  error?: { code: "invalid" | "deactivated" | "throttled" | "unknown"; seconds?: number };
};

const loginInput = z.object({
  email: z.string().trim().min(1, "emailRequired").max(320),
  password: z.string().min(1, "passwordRequired").max(1024),
  callbackUrl: z.string().optional(),
  locale: z.enum(routing.locales).catch(routing.defaultLocale),
});

/** Only same-site paths are followed after sign-in, never another host. */
function safeCallback(callbackUrl: string | undefined, locale: string): string {
  return safeCallbackPath(callbackUrl) ?? (locale === routing.defaultLocale ? "/" : `/${locale}`);
}

function refusalOf(code: string): LoginState["error"] {
  const [reason, seconds] = code.split(":");
  if (reason === "invalid" || reason === "deactivated") return { code: reason };
  if (reason === "throttled") return { code: "throttled", seconds: Number(seconds) || 30 };
  return { code: "unknown" };
}

export async function signInWithPassword(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginInput.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    const fieldErrors: LoginState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "email") fieldErrors.email = "emailRequired";
      if (issue.path[0] === "password") fieldErrors.password = "passwordRequired";
    }
    return { email, fieldErrors };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl, parsed.data.locale),
    });
    return { email };
  } catch (error) {
    // signIn() redirects by throwing; only Auth.js's own errors are ours to report.
    if (error instanceof CredentialsSignin) return { email, error: refusalOf(error.code) };
    if (error instanceof AuthError) return { email, error: { code: "unknown" } };
    throw error;
  }
}

export async function signInWithOidc(formData: FormData) {
  const locale = loginInput.shape.locale.parse(formData.get("locale"));
  const callbackUrl = formData.get("callbackUrl");
  await signIn("oidc", { redirectTo: safeCallback(typeof callbackUrl === "string" ? callbackUrl : undefined, locale) });
}
