"use client";
import { LogOutIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "./actions";

export type ShellUser = {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  role: "admin" | "external" | "employee";
};

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations("Shell");
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const roleLabel = { admin: t("portalAdmin"), external: t("externalUser"), employee: t("employee") }[user.role];
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-9 gap-2 px-1.5" data-testid="user-menu">
          <UserAvatar user={user} className="size-7" />
          {/* The name is what people see, so the button's accessible name starts with it (WCAG 2.5.3). */}
          <span className="hidden max-w-40 truncate text-sm sm:inline">
            {user.firstName} {user.lastName}
          </span>
          <span className="sr-only">{t("userMenu")}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="text-sm font-medium text-foreground">
            {user.firstName} {user.lastName}
          </span>
          <span className="truncate" dir="ltr">
            {user.email}
          </span>
          <span>{roleLabel}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => formRef.current?.requestSubmit()} data-testid="sign-out">
          <LogOutIcon />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
      <form ref={formRef} action={signOutAction} hidden>
        <input type="hidden" name="locale" value={locale} />
      </form>
    </DropdownMenu>
  );
}
