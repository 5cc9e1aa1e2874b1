import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Direction } from "radix-ui";
import { Toaster } from "sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import { directionOf, routing } from "@/lib/i18n/routing";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const dir = directionOf(locale);
  return (
    <html lang={locale} dir={dir}>
      <body className="min-h-dvh">
        <NextIntlClientProvider>
          <Direction.Provider dir={dir}>
            <TooltipProvider delayDuration={300}>
              <NuqsAdapter>{children}</NuqsAdapter>
            </TooltipProvider>
          </Direction.Provider>
        </NextIntlClientProvider>
        <Toaster position="bottom-center" dir={dir} richColors closeButton />
      </body>
    </html>
  );
}
