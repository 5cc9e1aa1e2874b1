import type { getTranslations } from "next-intl/server";

type AuditT = Awaited<ReturnType<typeof getTranslations<"Audit">>>;

/** An event's verb in the reader's language, or as recorded when the catalog has no name for it. */
export function auditActionLabel(t: AuditT, action: string): string {
  return t.has(`actions.${action}`) ? t(`actions.${action}` as "actions.role.create") : action;
}

/** An entity type's name in the reader's language, or as recorded. */
export function auditEntityLabel(t: AuditT, type: string): string {
  return t.has(`entities.${type}`) ? t(`entities.${type}` as "entities.Role") : type;
}
