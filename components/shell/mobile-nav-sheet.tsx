"use client";
import { useTranslations } from "next-intl";
import { Sheet, SheetContent, SheetTitle } from "@/components/ui/sheet";
import type { SectionKey } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";

/** The navigation as a side sheet on narrow screens (loaded when the menu button is first used). */
export default function MobileNavSheet({
  visible,
  appName,
  open,
  onOpenChange,
}: {
  visible: SectionKey[];
  appName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const common = useTranslations("Common");
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="start"
        className="bg-sidebar text-sidebar-foreground"
        closeLabel={common("close")}
        aria-describedby={undefined}
      >
        <SheetTitle className="px-5 pt-4 text-base font-semibold text-white">{appName}</SheetTitle>
        <div className="overflow-y-auto">
          <SidebarNav visible={visible} onNavigate={() => onOpenChange(false)} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
