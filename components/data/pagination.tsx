import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/** Server-rendered pager: plain links that keep every other URL parameter. */
export async function Pagination({
  pathname,
  params,
  page,
  perPage,
  total,
}: {
  pathname: string;
  params: Record<string, string | string[] | undefined>;
  page: number;
  perPage: number;
  total: number;
}) {
  const t = await getTranslations("Common");
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  const hrefFor = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (key === "page" || value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
    }
    if (target > 1) query.set("page", String(target));
    const text = query.toString();
    return text ? `${pathname}?${text}` : pathname;
  };
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-1 text-sm text-muted-foreground">
      <span data-testid="pager-range">{t("range", { from, to, total })}</span>
      <div className="flex items-center gap-2">
        <span className="hidden sm:inline">{t("page", { page: Math.min(page, pages), pages })}</span>
        <Button asChild={page > 1} variant="outline" size="sm" disabled={page <= 1} aria-label={t("previous")}>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)}>
              <ChevronLeftIcon className="rtl:rotate-180" />
            </Link>
          ) : (
            <ChevronLeftIcon className="rtl:rotate-180" />
          )}
        </Button>
        <Button asChild={page < pages} variant="outline" size="sm" disabled={page >= pages} aria-label={t("next")}>
          {page < pages ? (
            <Link href={hrefFor(page + 1)}>
              <ChevronRightIcon className="rtl:rotate-180" />
            </Link>
          ) : (
            <ChevronRightIcon className="rtl:rotate-180" />
          )}
        </Button>
      </div>
    </div>
  );
}
