"use client";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** "Move to…" and "Delete", for the list's selection and for the open message alike. */
export function MoveAndDelete({
  folders,
  folderId,
  pending,
  onMove,
  onDelete,
  testId,
}: {
  folders: { id: number; name: string }[];
  folderId: number;
  pending: boolean;
  onMove: (targetFolderId: number) => void;
  onDelete: () => void;
  testId?: string;
}) {
  const t = useTranslations("Mail");
  return (
    <>
      <select
        aria-label={t("moveTo")}
        data-testid={testId}
        className="h-8 max-w-40 rounded-md border bg-background px-1 text-xs"
        value=""
        disabled={pending}
        onChange={(event) => event.target.value && onMove(Number(event.target.value))}
      >
        <option value="">{t("moveTo")}</option>
        {folders
          .filter((folder) => folder.id !== folderId)
          .map((folder) => (
            <option key={folder.id} value={folder.id}>
              {folder.name}
            </option>
          ))}
      </select>
      <Button
        size="icon-sm"
        variant="ghost"
        disabled={pending}
        aria-label={t("delete")}
        title={t("delete")}
        onClick={onDelete}
      >
        <Trash2Icon />
      </Button>
    </>
  );
}
