import { MailIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Button } from "@/components/ui/button";
import { oidcProviderName } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getViewer } from "@/lib/auth/viewer";
import { redirect } from "@/lib/i18n/navigation";
import { LoginForm } from "./_components/login-form";
import { signInWithOidc } from "./_lib/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/login">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Login" });
  return { title: t("title") };
}

export default async function LoginPage({ params, searchParams }: PageProps<"/[locale]/login">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { callbackUrl } = await searchParams;
  // Signed-in visitors are sent on at once: only ever to a path of this console (no open redirect).
  const callback = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getViewer()) redirect({ href: callback ?? "/", locale });

  const t = await getTranslations("Login");
  const common = await getTranslations("Common");
  const oidcName = oidcProviderName();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <span className="flex size-9 items-center justify-center rounded-lg bg-primary text-primary-foreground">
          <MailIcon className="size-5" />
        </span>
        {common("appName")}
      </div>
      <section className="w-full max-w-sm rounded-xl border bg-card p-6 shadow-sm" aria-labelledby="login-title">
        <h1 id="login-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        <p className="mb-5 mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
        <LoginForm callbackUrl={callback} />
        {oidcName && (
          <form action={signInWithOidc} className="mt-4 flex flex-col gap-3">
            <p className="text-center text-xs text-muted-foreground">{t("orContinueWith")}</p>
            <input type="hidden" name="locale" value={locale} />
            {callback && <input type="hidden" name="callbackUrl" value={callback} />}
            <Button type="submit" variant="outline">
              {t("signInWith", { provider: oidcName })}
            </Button>
          </form>
        )}
      </section>
      <LanguageSwitcher variant="inline" />
    </main>
  );
}
