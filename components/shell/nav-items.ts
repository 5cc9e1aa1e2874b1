// Where each console section lives and how it is labelled. Which of them a user sees is decided
// by lib/access (sectionsFor), never here.
import type { SectionKey } from "@/lib/access/sections";

type Group = "webmail" | "telephony" | "crm" | "company" | "admin";
type NavLabel =
  | "mail"
  | "myMailboxes"
  | "manageMailboxes"
  | "webmailAccess"
  | "calls"
  | "telephonyAccess"
  | "phoneSettings"
  | "telephonyNumbers"
  | "telephonyBalance"
  | "telephonySettings"
  | "crmLeads"
  | "crmContacts"
  | "crmTasks"
  | "employees"
  | "departments"
  | "workgroups"
  | "userGroups"
  | "outbox"
  | "auditLog";

export const sections: Record<SectionKey, { group: Group; href: string; label: NavLabel }> = {
  mail: { group: "webmail", href: "/webmail/mail", label: "mail" },
  myMailboxes: { group: "webmail", href: "/webmail/my", label: "myMailboxes" },
  mailboxes: { group: "webmail", href: "/webmail/mailboxes", label: "manageMailboxes" },
  webmailAccess: { group: "webmail", href: "/webmail/access", label: "webmailAccess" },
  calls: { group: "telephony", href: "/telephony/calls", label: "calls" },
  telephonyAccess: { group: "telephony", href: "/telephony/access", label: "telephonyAccess" },
  phoneSettings: { group: "telephony", href: "/telephony/users", label: "phoneSettings" },
  telephonyNumbers: { group: "telephony", href: "/telephony/numbers", label: "telephonyNumbers" },
  telephonyBalance: { group: "telephony", href: "/telephony/balance", label: "telephonyBalance" },
  telephonySettings: { group: "telephony", href: "/telephony/settings", label: "telephonySettings" },
  crmLeads: { group: "crm", href: "/crm/leads", label: "crmLeads" },
  crmContacts: { group: "crm", href: "/crm/contacts", label: "crmContacts" },
  crmTasks: { group: "crm", href: "/crm/tasks", label: "crmTasks" },
  employees: { group: "company", href: "/company/employees", label: "employees" },
  departments: { group: "company", href: "/company/departments", label: "departments" },
  workgroups: { group: "company", href: "/company/workgroups", label: "workgroups" },
  userGroups: { group: "company", href: "/company/user-groups", label: "userGroups" },
  outbox: { group: "company", href: "/company/outbox", label: "outbox" },
  audit: { group: "admin", href: "/audit", label: "auditLog" },
};

export type { SectionKey };
export const navGroups = ["webmail", "telephony", "crm", "company", "admin"] as const;
