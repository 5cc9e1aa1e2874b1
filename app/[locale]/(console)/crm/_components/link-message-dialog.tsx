"use client";
import { LinkIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { RecordMatch } from "@/lib/crm/records";
import type { MessageRef } from "@/lib/crm/schemas";
import { Link } from "@/lib/i18n/navigation";
import { linkMessageAction, searchCrmRecordsAction } from "../_lib/actions";

/**
 * "Link to CRM" from an open message: search leads and contacts, pick one, and the message
 * becomes an email on its timeline (once, however often it is linked).
 */
export function LinkMessageDialog({ message }: { message: MessageRef }) {
  const t = useTranslations("CrmPages.linkMessage");
  const common = useTranslations("Common");
  const errors = useTranslations("ActionErrors");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<RecordMatch[] | null>(null);
  const [linked, setLinked] = useState<RecordMatch | null>(null);
  const [pending, startTransition] = useTransition();
  const search = () =>
    startTransition(async () => {
      const result = await searchCrmRecordsAction({ query });
      if (!result.ok) return void toast.error(errors(result.error.code));
      setMatches(result.data);
    });
  const link = (record: RecordMatch) =>
    startTransition(async () => {
      const result = await linkMessageAction({ message, record: { type: record.type, id: record.id } });
      if (!result.ok) return void toast.error(errors(result.error.code));
      setLinked(record);
      toast.success(t(result.data.created ? "linked" : "alreadyLinked", { title: record.title }));
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setMatches(null);
          setLinked(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="link-to-crm" aria-label={t("open")}>
          <LinkIcon /> <span className="hidden sm:inline">{t("open")}</span>
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={common("close")}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form
          className="flex gap-2"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            search();
          }}
        >
          <Input
            aria-label={t("search")}
            placeholder={t("searchPlaceholder")}
            value={query}
            maxLength={200}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="crm-search"
          />
          <Button type="submit" disabled={pending || query.trim() === ""}>
            {common("search")}
          </Button>
        </form>
        {matches?.length === 0 && <p className="text-sm text-muted-foreground">{t("noMatches")}</p>}
        {matches && matches.length > 0 && (
          <ul className="max-h-72 divide-y overflow-y-auto rounded-md border" data-testid="crm-matches">
            {matches.map((match) => (
              <li key={`${match.type}-${match.id}`} className="flex items-center gap-2 p-2 text-sm">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium" dir="auto">
                    {match.title}
                  </span>
                  <span className="block truncate text-muted-foreground" dir="auto">
                    {t(match.type)}
                    {match.detail ? ` · ${match.detail}` : ""}
                  </span>
                </span>
                {linked?.type === match.type && linked.id === match.id ? (
                  <Button asChild size="sm" variant="ghost">
                    <Link href={`/crm/${match.type === "lead" ? "leads" : "contacts"}/${match.id}`}>{t("view")}</Link>
                  </Button>
                ) : (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => link(match)}>
                    {t("link")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </DialogContent>
    </Dialog>
  );
}
