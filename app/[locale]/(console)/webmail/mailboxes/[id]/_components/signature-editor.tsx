"use client";
import { BoldIcon, ItalicIcon, LinkIcon, UnderlineIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * A small rich-text editor for signatures: bold, italic, underline, links. What it produces is
 * sanitised on the server before it is stored.
 */
export function SignatureEditor({ value, onChange }: { value: string; onChange: (html: string) => void }) {
  const t = useTranslations("MailboxSettings");
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (editor.current && editor.current.innerHTML !== value) editor.current.innerHTML = value;
  }, [value]);
  const command = (name: string, argument?: string) => {
    editor.current?.focus();
    document.execCommand(name, false, argument);
    onChange(editor.current?.innerHTML ?? "");
  };
  const tools = [
    { name: "bold", icon: BoldIcon, label: t("bold") },
    { name: "italic", icon: ItalicIcon, label: t("italic") },
    { name: "underline", icon: UnderlineIcon, label: t("underline") },
  ];
  return (
    <div className="rounded-md border bg-card">
      <div className="flex gap-1 border-b p-1" role="toolbar" aria-label={t("signature")}>
        {tools.map((tool) => (
          <Button
            key={tool.name}
            type="button"
            variant="ghost"
            size="icon-sm"
            aria-label={tool.label}
            onClick={() => command(tool.name)}
          >
            <tool.icon />
          </Button>
        ))}
        <Button
          type="button"
          variant="ghost"
          size="icon-sm"
          aria-label={t("link")}
          onClick={() => {
            const url = window.prompt(t("linkPrompt"), "https://");
            if (url) command("createLink", url);
          }}
        >
          <LinkIcon />
        </Button>
      </div>
      <div
        ref={editor}
        id="signature"
        role="textbox"
        aria-multiline="true"
        aria-label={t("signature")}
        tabIndex={0}
        contentEditable
        suppressContentEditableWarning
        className="min-h-24 p-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring [&_a]:text-primary [&_a]:underline"
        onInput={() => onChange(editor.current?.innerHTML ?? "")}
      />
    </div>
  );
}
