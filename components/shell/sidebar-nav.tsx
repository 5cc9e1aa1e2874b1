"use client";
import {
  BuildingIcon,
  ContactIcon,
  HistoryIcon,
  InboxIcon,
  ListTodoIcon,
  type LucideIcon,
  MailCheckIcon,
  MailIcon,
  MailOpenIcon,
  NetworkIcon,
  PhoneCallIcon,
  ServerIcon,
  SettingsIcon,
  ShieldCheckIcon,
  SmartphoneIcon,
  TargetIcon,
  UsersIcon,
  UsersRoundIcon,
  WalletIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";
import { navGroups, type SectionKey, sections } from "./nav-items";

const icons: Record<SectionKey, LucideIcon> = {
  mail: MailOpenIcon,
  myMailboxes: MailIcon,
  mailboxes: InboxIcon,
  webmailAccess: ShieldCheckIcon,
  calls: PhoneCallIcon,
  telephonyAccess: ShieldCheckIcon,
  phoneSettings: SmartphoneIcon,
  telephonyNumbers: ServerIcon,
  telephonyBalance: WalletIcon,
  telephonySettings: SettingsIcon,
  crmLeads: TargetIcon,
  crmContacts: ContactIcon,
  crmTasks: ListTodoIcon,
  employees: UsersIcon,
  departments: NetworkIcon,
  workgroups: BuildingIcon,
  userGroups: UsersRoundIcon,
  outbox: MailCheckIcon,
  audit: HistoryIcon,
};

const groupLabels = {
  webmail: "webmail",
  telephony: "telephony",
  crm: "crm",
  company: "company",
  admin: null,
} as const;

export function SidebarNav({ visible, onNavigate }: { visible: SectionKey[]; onNavigate?: () => void }) {
  const t = useTranslations("Nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("mainNavigation")} className="flex flex-col gap-5 px-3 py-4">
      {navGroups.map((group) => {
        const items = visible.filter((key) => sections[key].group === group);
        if (items.length === 0) return null;
        const label = groupLabels[group];
        return (
          <div key={group} className="flex flex-col gap-0.5">
            {label && (
              <p className="mb-1 flex items-center gap-2 px-2 text-xs font-semibold uppercase tracking-wide text-sidebar-muted">
                {group === "company" && <BuildingIcon className="size-3.5" />}
                {t(label)}
              </p>
            )}
            {items.map((key) => {
              const Icon = icons[key];
              const { href } = sections[key];
              const active = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link
                  key={key}
                  href={href}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-sidebar-foreground/85 transition-colors hover:bg-sidebar-accent hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                    active && "bg-sidebar-accent font-medium text-white",
                  )}
                >
                  <Icon className="size-4 shrink-0" />
                  <span className="leading-tight">{t(sections[key].label)}</span>
                </Link>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}
