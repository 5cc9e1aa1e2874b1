// Coarse capabilities used by pages and actions alike ("may open the webmail role editor").
import type { AccessModule } from "../generated/prisma/enums.ts";
import type { Access } from "./access.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";

/** Edit the role matrix of a module: 101 for webmail, "telephony settings" for telephony (§4.3, §5.1). */
export function canEditRoles(access: Access, module: AccessModule): boolean {
  if (access.isPortalAdmin) return true;
  return module === "WEBMAIL" ? access.allowed(WEBMAIL.editRights.key) : access.allowed(TELEPHONY.settings.key);
}

/** The modules whose roles this user may edit (and whose effective rights they may inspect). */
export function editableModules(access: Access): AccessModule[] {
  return (["WEBMAIL", "TELEPHONY"] as const).filter((module) => canEditRoles(access, module));
}

/**
 * Search people, departments and groups to pick an access subject: role editors, and employees
 * who share or connect mailboxes. Never extranet users — they see nothing of the company.
 */
export function canSearchSubjects(access: Access): boolean {
  if (!access.isEmployee) return false;
  return (
    editableModules(access).length > 0 ||
    access.level(WEBMAIL.editMailboxes.key) > LEVEL.NONE ||
    access.allowed(WEBMAIL.connectOwn.key)
  );
}

/**
 * Offer extranet users and external workgroups as access subjects: portal administrators, and
 * webmail role editors (101), who assign roles to external groups. Everyone else — an employee
 * sharing a mailbox, a head connecting one for the team — picks among the company only: the
 * extranet is a separate audience, and its members' names and addresses are not the company's
 * to hand around (SPEC §7).
 */
export function canPickExternalSubjects(access: Access): boolean {
  return access.isPortalAdmin || (access.isEmployee && access.allowed(WEBMAIL.editRights.key));
}
