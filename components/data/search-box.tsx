"use client";
import { SearchIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const searchParsers = { q: parseAsString.withDefault(""), page: parseAsInteger };

/**
 * A search field bound to the `q` URL parameter (and resetting `page`); typing waits briefly
 * before it asks the server, so a word is one request, not one per letter.
 */
export function SearchBox({
  label,
  placeholder,
  className,
}: {
  label: string;
  placeholder: string;
  className?: string;
}) {
  const common = useTranslations("Common");
  const [pending, startTransition] = useTransition();
  const [{ q: current }, setState] = useQueryStates(searchParsers, { shallow: false, startTransition });
  const [text, setText] = useState(current);

  useEffect(() => setText(current), [current]);
  useEffect(() => {
    if (text === current) return;
    const timer = setTimeout(() => setState({ q: text || null, page: null }), 300);
    return () => clearTimeout(timer);
  }, [text, current, setState]);

  return (
    <div className={cn("relative w-full sm:w-80", className)}>
      <SearchIcon className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-label={label}
        placeholder={placeholder}
        className={cn("ps-8 pe-8", pending && "opacity-70")}
      />
      {text && (
        <Button
          variant="ghost"
          size="icon-sm"
          className="absolute end-0.5 top-1/2 size-7 -translate-y-1/2"
          aria-label={common("clearSearch")}
          onClick={() => setText("")}
        >
          <XIcon />
        </Button>
      )}
    </div>
  );
}
