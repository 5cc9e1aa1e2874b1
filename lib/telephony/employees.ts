// Which employee a PBX means: by e-mail (User.email), extension (UserPhoneSettings.extension) or
// phone number (User.phones). Resolved for a whole batch in at most three queries.
import "server-only";
import type { Db } from "../db.ts";
import type { EmployeeRef } from "./call-record.ts";

export type EmployeeMatch = { userId: number } | { problem: "unknownEmployee" | "ambiguousEmployee" };

const keyOf = (ref: EmployeeRef) =>
  "email" in ref ? `e:${ref.email.toLowerCase()}` : "extension" in ref ? `x:${ref.extension}` : `p:${ref.phone}`;

/** A resolver for the given references: each one maps to a user id or a problem. */
export async function resolveEmployees(db: Db, refs: EmployeeRef[]): Promise<(ref: EmployeeRef) => EmployeeMatch> {
  const emails = new Set<string>();
  const extensions = new Set<string>();
  const phones = new Set<string>();
  for (const ref of refs) {
    if ("email" in ref) emails.add(ref.email.toLowerCase());
    else if ("extension" in ref) extensions.add(ref.extension);
    else phones.add(ref.phone);
  }
  const found = new Map<string, number[]>();
  const add = (key: string, id: number) => found.set(key, [...(found.get(key) ?? []), id]);
  // Employees only (extranet users have no phone in the company PBX); deactivated ones too, since
  // a PBX may deliver a call record after the person has left.
  const employee = { kind: "EMPLOYEE" } as const;
  const [byEmail, byExtension, byPhone] = await Promise.all([
    emails.size
      ? db.user.findMany({
          where: { ...employee, email: { in: [...emails], mode: "insensitive" } },
          select: { id: true, email: true },
        })
      : [],
    extensions.size
      ? db.userPhoneSettings.findMany({
          where: { extension: { in: [...extensions] }, user: employee },
          select: { userId: true, extension: true },
        })
      : [],
    phones.size
      ? db.user.findMany({
          where: { ...employee, phones: { hasSome: [...phones] } },
          select: { id: true, phones: true },
        })
      : [],
  ]);
  for (const user of byEmail) add(`e:${user.email.toLowerCase()}`, user.id);
  for (const row of byExtension) add(`x:${row.extension}`, row.userId);
  for (const user of byPhone) for (const number of user.phones) if (phones.has(number)) add(`p:${number}`, user.id);
  return (ref) => {
    const ids = found.get(keyOf(ref)) ?? [];
    if (ids.length === 0) return { problem: "unknownEmployee" };
    // Two employees sharing a number: guessing would put a call in the wrong person's log.
    if (new Set(ids).size > 1) return { problem: "ambiguousEmployee" };
    return { userId: ids[0]! };
  };
}
