import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";

export interface FolderItem {
  id: number;
  label: string;
  unseen: number;
  href: string;
}

/** The folder tree with unread counts (desktop); phones get a select instead. */
export async function FolderNav({ folders, activeId }: { folders: FolderItem[]; activeId?: number }) {
  const t = await getTranslations("Mail");
  return (
    <nav aria-label={t("folders")} className="p-2">
      <ul className="space-y-0.5" data-testid="folder-list">
        {folders.map((folder) => (
          <li key={folder.id}>
            <Link
              href={folder.href}
              aria-current={folder.id === activeId ? "page" : undefined}
              className={cn(
                "flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-accent",
                folder.id === activeId && "bg-accent font-medium",
              )}
            >
              <span className="truncate">{folder.label}</span>
              {folder.unseen > 0 && (
                <span className="rounded-full bg-primary px-1.5 text-xs text-primary-foreground tabular-nums">
                  {folder.unseen > 999 ? "999+" : folder.unseen}
                  <span className="sr-only"> {t("unreadCount")}</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
