"use client";
import { useTranslations } from "next-intl";
import type { AccessModule } from "@/lib/generated/prisma/enums";

/** A role's name as shown: its own, or the translated default name of a system role. */
export function useRoleName(module: AccessModule) {
  const t = useTranslations("AccessRights.systemRoles");
  return (role: { name: string | null; systemCode: string | null }) =>
    role.name ?? (role.systemCode ? t(`${module}.${role.systemCode}` as "WEBMAIL.ADMIN") : "");
}
