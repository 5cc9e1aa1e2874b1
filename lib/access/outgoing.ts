// "May user U call number N?" (SPEC §5.3) — answered from the outgoing-call level:
// CRM clients only · CRM clients and employees · any number.
import "server-only";
import type { Db } from "../db.ts";
import type { Access } from "./access.ts";
import { LEVEL, TELEPHONY } from "./catalog.ts";
import { normalizePhoneNumber } from "./phone-number.ts";

export { normalizePhoneNumber };

export type OutgoingCallReason =
  | "anyNumber"
  | "crmClient"
  | "employee"
  | "denied"
  | "notACrmClient"
  | "notCrmOrEmployee"
  | "invalidNumber"
  | "blacklisted";

export interface OutgoingCallDecision {
  allowed: boolean;
  reason: OutgoingCallReason;
  level: number;
  number: string;
}

async function isCrmClientNumber(db: Db, number: string): Promise<boolean> {
  const [contact, lead] = await Promise.all([
    db.crmContact.findFirst({ where: { phones: { has: number } }, select: { id: true } }),
    db.crmLead.findFirst({ where: { phones: { has: number } }, select: { id: true } }),
  ]);
  return contact !== null || lead !== null;
}

async function isEmployeeNumber(db: Db, number: string): Promise<boolean> {
  return (
    (await db.user.findFirst({ where: { kind: "EMPLOYEE", phones: { has: number } }, select: { id: true } })) !== null
  );
}

export async function decideOutgoingCall(db: Db, caller: Access, rawNumber: string): Promise<OutgoingCallDecision> {
  const number = normalizePhoneNumber(rawNumber);
  const level = caller.level(TELEPHONY.outgoingCall.key);
  const decide = (allowed: boolean, reason: OutgoingCallReason) => ({ allowed, reason, level, number });
  if (number.replace("+", "").length < 3) return decide(false, "invalidNumber");
  // The company blacklist (Telephony settings) outranks every level, "any number" included.
  const settings = await db.telephonySettings.findUnique({ where: { id: 1 }, select: { blacklist: true } });
  if (settings?.blacklist.includes(number)) return decide(false, "blacklisted");
  if (level >= LEVEL.MAX) return decide(true, "anyNumber");
  if (level <= LEVEL.NONE) return decide(false, "denied");
  if (await isCrmClientNumber(db, number)) return decide(true, "crmClient");
  if (level >= LEVEL.MID && (await isEmployeeNumber(db, number))) return decide(true, "employee");
  return decide(false, level >= LEVEL.MID ? "notCrmOrEmployee" : "notACrmClient");
}
