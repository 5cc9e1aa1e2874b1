"use client";
import { MenuIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SectionKey } from "./nav-items";

// Every page carries the menu button; the sheet's code loads only when someone opens it.
const MobileNavSheet = dynamic(() => import("./mobile-nav-sheet"), { ssr: false });

export function MobileNav({ visible, appName }: { visible: SectionKey[]; appName: string }) {
  const t = useTranslations("Nav");
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="lg:hidden"
        aria-label={t("openMenu")}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <MenuIcon />
      </Button>
      {used && <MobileNavSheet visible={visible} appName={appName} open={open} onOpenChange={setOpen} />}
    </>
  );
}
