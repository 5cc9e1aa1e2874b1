// What the CRM options of a mailbox (SPEC §6) make of a batch of messages: new leads and contacts
// (assigned in turn from the distribution queue), activities, notifications and one "processed"
// mark per message. Pure: the caller loads what exists and writes the plan in one transaction.
import type { VcardContact } from "./vcard.ts";

export type NewRecordAction = "LEAD" | "CONTACT" | "NONE";
export type Outcome = "LEAD_CREATED" | "CONTACT_CREATED" | "ACTIVITY" | "BLACKLISTED" | "SKIPPED";

export interface CrmSettings {
  mailboxId: number;
  ownerId: number;
  /** The mailbox's own address: never a client. */
  ownAddress: string;
  incomingNew: NewRecordAction;
  outgoingNew: NewRecordAction;
  routeToResponsible: boolean;
  leadForEveryFrom: string[];
  source: string;
  vcards: boolean;
  blacklist: string[];
  /** Active employees of the distribution queue in order; empty: the owner. */
  queue: number[];
}

export interface Party {
  address: string;
  name: string | null;
}

export interface CrmMessage {
  key: string;
  direction: "in" | "out";
  from: Party | null;
  /** To and Cc. */
  recipients: Party[];
  subject: string | null;
  date: Date;
  vcards: VcardContact[];
}

/** A record that exists, or one this plan creates (`index` into its leads or contacts). */
export type RecordRef = { type: "lead" | "contact"; id: number } | { type: "lead" | "contact"; index: number };

export interface KnownRecord {
  ref: RecordRef;
  name: string;
  responsibleId: number | null;
}

export interface NewLead {
  title: string;
  name: string | null;
  email: string;
  responsibleId: number;
}

export interface NewContact {
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  responsibleId: number;
}

export interface NewActivity {
  kind: "EMAIL_IN" | "EMAIL_OUT";
  record: RecordRef;
  responsibleId: number;
  messageKey: string;
  subject: string | null;
  fromAddress: string | null;
  toAddresses: string[];
  occurredAt: Date;
}

export interface NewNotification {
  userId: number;
  kind: "crmEmailFromClient" | "crmLeadAssigned" | "crmContactAssigned";
  params: Record<string, string>;
  record: RecordRef;
}

export interface Mark {
  key: string;
  outcome: Outcome;
  leads: number;
  contacts: number;
  activities: number;
}

export interface Plan {
  leads: NewLead[];
  contacts: NewContact[];
  activities: NewActivity[];
  notifications: NewNotification[];
  marks: Mark[];
  /** How far the queue pointer moved: one step per new record. */
  queueSteps: number;
}

/** An address or an @domain pattern (lower-case) matches an address. */
export function matchesAny(address: string, patterns: readonly string[]): boolean {
  const at = address.lastIndexOf("@");
  const domain = at >= 0 ? address.slice(at) : null;
  return patterns.some((pattern) => pattern === address || (pattern.startsWith("@") && pattern === domain));
}

/**
 * `known`: existing leads and contacts by address (contacts win over leads), and `internal`:
 * addresses of the company's own people and mailboxes, which are never clients. `queueNext`: the
 * queue pointer as locked by the caller.
 */
export function planBatch(
  settings: CrmSettings,
  messages: CrmMessage[],
  known: Map<string, KnownRecord>,
  internal: ReadonlySet<string>,
  queueNext: number,
): Plan {
  const plan: Plan = { leads: [], contacts: [], activities: [], notifications: [], marks: [], queueSteps: 0 };
  const directory = new Map(known);
  const nextAssignee = () => {
    const members = settings.queue.length > 0 ? settings.queue : [settings.ownerId];
    const assignee = members[(queueNext + plan.queueSteps) % members.length]!;
    plan.queueSteps += 1;
    return assignee;
  };
  const isClientAddress = (address: string) =>
    address !== settings.ownAddress && !internal.has(address) && !matchesAny(address, settings.blacklist);

  for (const message of messages) {
    const mark: Mark = { key: message.key, outcome: "SKIPPED", leads: 0, contacts: 0, activities: 0 };
    const activity = (record: KnownRecord, responsibleId: number) => {
      plan.activities.push({
        kind: message.direction === "in" ? "EMAIL_IN" : "EMAIL_OUT",
        record: record.ref,
        responsibleId,
        messageKey: message.key,
        subject: message.subject,
        fromAddress: message.from?.address ?? null,
        toAddresses: message.recipients.map((party) => party.address).slice(0, 50),
        occurredAt: message.date,
      });
      mark.activities += 1;
    };
    const create = (action: "LEAD" | "CONTACT", party: Party, alwaysNew = false): KnownRecord => {
      const responsibleId = nextAssignee();
      const name = party.name?.trim() || null;
      let record: KnownRecord;
      if (action === "LEAD") {
        const title = (message.subject?.trim() || name || party.address).slice(0, 200);
        plan.leads.push({ title, name, email: party.address, responsibleId });
        record = { ref: { type: "lead", index: plan.leads.length - 1 }, name: name ?? party.address, responsibleId };
        mark.leads += 1;
      } else {
        plan.contacts.push({
          name: name ?? party.address,
          emails: [party.address],
          phones: [],
          company: null,
          responsibleId,
        });
        record = {
          ref: { type: "contact", index: plan.contacts.length - 1 },
          name: name ?? party.address,
          responsibleId,
        };
        mark.contacts += 1;
      }
      // A lead made "for every message" does not replace the address's client record.
      if (!alwaysNew || !directory.has(party.address)) directory.set(party.address, record);
      if (responsibleId !== settings.ownerId)
        plan.notifications.push({
          userId: responsibleId,
          kind: action === "LEAD" ? "crmLeadAssigned" : "crmContactAssigned",
          params: { name: record.name },
          record: record.ref,
        });
      return record;
    };
    const touchExisting = (record: KnownRecord) => {
      const routed = settings.routeToResponsible && record.responsibleId !== null;
      const responsibleId = routed ? record.responsibleId! : settings.ownerId;
      activity(record, responsibleId);
      if (routed && responsibleId !== settings.ownerId)
        plan.notifications.push({
          userId: responsibleId,
          kind: "crmEmailFromClient",
          params: { client: record.name, subject: message.subject ?? "" },
          record: record.ref,
        });
    };

    if (message.direction === "in") {
      const sender = message.from;
      if (sender && matchesAny(sender.address, settings.blacklist)) mark.outcome = "BLACKLISTED";
      else if (sender && isClientAddress(sender.address)) {
        const existing = directory.get(sender.address);
        if (matchesAny(sender.address, settings.leadForEveryFrom)) {
          const lead = create("LEAD", sender, true);
          activity(lead, lead.responsibleId!);
        } else if (existing) touchExisting(existing);
        else if (settings.incomingNew !== "NONE") {
          const record = create(settings.incomingNew, sender);
          activity(record, record.responsibleId!);
        }
      }
      if (mark.outcome !== "BLACKLISTED" && settings.vcards) {
        for (const card of message.vcards) {
          const emails = card.emails.filter(isClientAddress);
          if (emails.some((address) => directory.get(address)?.ref.type === "contact")) continue;
          if (card.emails.length > 0 && emails.length === 0) continue;
          const responsibleId = nextAssignee();
          plan.contacts.push({ name: card.name, emails, phones: card.phones, company: card.company, responsibleId });
          const record: KnownRecord = {
            ref: { type: "contact", index: plan.contacts.length - 1 },
            name: card.name,
            responsibleId,
          };
          for (const address of emails) directory.set(address, record);
          mark.contacts += 1;
          if (responsibleId !== settings.ownerId)
            plan.notifications.push({
              userId: responsibleId,
              kind: "crmContactAssigned",
              params: { name: card.name },
              record: record.ref,
            });
        }
      }
    } else {
      const seen = new Set<string>();
      for (const recipient of message.recipients) {
        if (seen.has(recipient.address) || !isClientAddress(recipient.address)) continue;
        seen.add(recipient.address);
        const existing = directory.get(recipient.address);
        if (existing) touchExisting(existing);
        else if (settings.outgoingNew !== "NONE") {
          const record = create(settings.outgoingNew, recipient);
          activity(record, record.responsibleId!);
        }
      }
    }
    if (mark.outcome !== "BLACKLISTED")
      mark.outcome =
        mark.leads > 0
          ? "LEAD_CREATED"
          : mark.contacts > 0
            ? "CONTACT_CREATED"
            : mark.activities > 0
              ? "ACTIVITY"
              : "SKIPPED";
    plan.marks.push(mark);
  }
  return plan;
}
