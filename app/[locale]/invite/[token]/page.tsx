import { MailIcon } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { db } from "@/lib/db";
import { Link } from "@/lib/i18n/navigation";
import { InvitationInvalidError, invitationForToken } from "@/lib/people/invitations";
import { AcceptForm } from "./_components/accept-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/invite/[token]">): Promise<Metadata> {
  const { locale } = await params;
  return {
    title: (await getTranslations({ locale, namespace: "Invite" }))("title"),
    // The address holds a secret: keep it out of search engines and other sites' logs.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/** Where an invitation link leads: set a password for the invited account (no session needed). */
export default async function InvitePage({ params }: PageProps<"/[locale]/invite/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Invite");
  const common = await getTranslations("Common");
  const invitation = await invitationForToken(db, token).catch((error: unknown) => {
    if (error instanceof InvitationInvalidError) return error.reason;
    throw error;
  });
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="flex items-center gap-2 text-lg font-semibold">
        <span className="flex size-9 items-center justify-center rounded-lg bg-primary text-primary-foreground">
          <MailIcon className="size-5" />
        </span>
        {common("appName")}
      </div>
      <section className="w-full max-w-sm rounded-xl border bg-card p-6 shadow-sm" aria-labelledby="invite-title">
        <h1 id="invite-title" className="text-xl font-semibold">
          {t("title")}
        </h1>
        {typeof invitation === "string" ? (
          <div className="mt-3 flex flex-col gap-4" data-testid="invite-state" data-state={invitation}>
            <p className="text-sm text-muted-foreground">{t(`states.${invitation}`)}</p>
            <Link href="/login" className="text-sm text-primary underline">
              {t("toLogin")}
            </Link>
          </div>
        ) : (
          <>
            <p className="mb-5 mt-1 text-sm text-muted-foreground">
              {t("subtitle", { name: `${invitation.firstName} ${invitation.lastName}` })}
            </p>
            <AcceptForm token={token} email={invitation.email} />
          </>
        )}
      </section>
      <LanguageSwitcher variant="inline" />
    </main>
  );
}
