"use client";
import { CheckIcon, LanguagesIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { type Locale, locales } from "@/lib/i18n/routing";

/** Switches the language in place: same page, same filters, only the locale prefix changes. */
export function LanguageSwitcher({ variant = "icon" }: { variant?: "icon" | "inline" }) {
  const t = useTranslations("Languages");
  const shell = useTranslations("Shell");
  const current = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const switchTo = (locale: Locale) => {
    const query = searchParams.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { locale }));
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size={variant === "icon" ? "icon" : "sm"}
          // The inline variant shows the current language: its name must be part of the
          // accessible name too (WCAG 2.5.3, "label in name").
          aria-label={variant === "inline" ? `${shell("language")}: ${t(current as Locale)}` : shell("language")}
          disabled={pending}
          data-testid="language-switcher"
        >
          <LanguagesIcon />
          {variant === "inline" && <span>{t(current as Locale)}</span>}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {locales.map((locale) => (
          <DropdownMenuItem key={locale} onSelect={() => switchTo(locale)} lang={locale} data-locale={locale}>
            <span className="w-4">{locale === current && <CheckIcon />}</span>
            {t(locale)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
