"use client";
import { MenuIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { SectionKey } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";

export function MobileNav({ visible, appName }: { visible: SectionKey[]; appName: string }) {
  const t = useTranslations("Nav");
  const common = useTranslations("Common");
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label={t("openMenu")}>
          <MenuIcon />
        </Button>
      </SheetTrigger>
      <SheetContent
        side="start"
        className="bg-sidebar text-sidebar-foreground"
        closeLabel={common("close")}
        aria-describedby={undefined}
      >
        <SheetTitle className="px-5 pt-4 text-base font-semibold text-white">{appName}</SheetTitle>
        <div className="overflow-y-auto">
          <SidebarNav visible={visible} onNavigate={() => setOpen(false)} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
