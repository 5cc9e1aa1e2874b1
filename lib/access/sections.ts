// Which console sections a user may open; the navigation shows exactly these, and every page
// checks the same functions before rendering.
import type { Access } from "./access.ts";
import { TELEPHONY, WEBMAIL } from "./catalog.ts";
import { canUseCrm } from "./crm-rights.ts";

export const SECTION_KEYS = [
  "mail",
  "myMailboxes",
  "mailboxes",
  "webmailAccess",
  "calls",
  "telephonyAccess",
  "phoneSettings",
  "telephonyNumbers",
  "telephonyBalance",
  "telephonySettings",
  "crmLeads",
  "crmContacts",
  "crmTasks",
  "employees",
  "departments",
  "workgroups",
  "userGroups",
  "outbox",
  "audit",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const canOpen: Record<SectionKey, (access: Access) => boolean> = {
  // Reading mail needs no permission: the page shows exactly readableMailboxes() (own and shared)
  // to whoever is signed in. The navigation offers it to employees, as extranet users see no
  // company sections (SPEC §7); one with a mailbox shared with them still reaches it by link.
  mail: (access) => access.isEmployee,
  // Everyone in the company has their own mailboxes page: connected ones, shared ones, connect.
  myMailboxes: (access) => access.isEmployee,
  mailboxes: (access) => access.allowed(WEBMAIL.viewMailboxes.key),
  webmailAccess: (access) => access.isPortalAdmin || access.allowed(WEBMAIL.editRights.key),
  calls: (access) => access.allowed(TELEPHONY.callStatistics.key),
  telephonyAccess: (access) => access.isPortalAdmin || access.allowed(TELEPHONY.settings.key),
  // Any level but "denied": the page then lists exactly the users of that level's scope.
  phoneSettings: (access) => access.allowed(TELEPHONY.userSettings.key),
  telephonyNumbers: (access) => access.allowed(TELEPHONY.numbers.key),
  telephonyBalance: (access) => access.allowed(TELEPHONY.balance.key),
  // Portal administrators always have full telephony access (SPEC §5).
  telephonySettings: (access) => access.isPortalAdmin || access.allowed(TELEPHONY.settings.key),
  // The CRM is the company's: every employee works it, external users never see it (issue #12).
  crmLeads: canUseCrm,
  crmContacts: canUseCrm,
  crmTasks: canUseCrm,
  // Extranet users see nothing of the company structure (SPEC §7).
  employees: (access) => access.isEmployee,
  departments: (access) => access.isEmployee,
  // Everyone: employees see the groups they may, extranet users only their own (lib/people).
  workgroups: () => true,
  userGroups: (access) => access.isPortalAdmin,
  // What the console itself sent (invitations hold sign-up links): administrators only.
  outbox: (access) => access.isPortalAdmin,
  audit: (access) => access.isPortalAdmin,
};

export function sectionsFor(access: Access): SectionKey[] {
  return SECTION_KEYS.filter((key) => canOpen[key](access));
}
