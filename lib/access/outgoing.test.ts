import { beforeAll, describe, expect, it } from "vitest";
import { createRole, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { loadAccess } from "./access.ts";
import { LEVEL, TELEPHONY } from "./catalog.ts";
import { decideOutgoingCall, normalizePhoneNumber } from "./outgoing.ts";

describe("outgoing-call check: may user U call number N?", () => {
  const callers: Record<number, number> = {};
  beforeAll(async () => {
    await createUser(db, { phones: ["+493012345678"] });
    await createUser(db, { phones: ["+390212345"], kind: "EXTERNAL" });
    await db.crmContact.create({ data: { name: "Client", phones: ["+4989555000"] } });
    await db.crmLead.create({ data: { title: "Lead", phones: ["+97145550000"] } });
    for (const level of [LEVEL.NONE, LEVEL.LOW, LEVEL.MID, LEVEL.MAX]) {
      const user = await createUser(db);
      await createRole(db, "TELEPHONY", { [TELEPHONY.outgoingCall.key]: level }, [{ kind: "USER", refId: user.id }]);
      callers[level] = user.id;
    }
  });

  const decide = async (level: number, number: string) =>
    decideOutgoingCall(db, await loadAccess(db, callers[level]!), number);

  it("normalises numbers the way stored numbers are", () => {
    expect(normalizePhoneNumber("+49 (30) 123-456 78")).toBe("+493012345678");
    expect(normalizePhoneNumber("0049 89 555000")).toBe("+4989555000");
  });

  it("denied: nothing", async () => {
    expect(await decide(LEVEL.NONE, "+4989555000")).toMatchObject({ allowed: false, reason: "denied" });
  });

  it("only CRM clients: contacts and leads, not employees or strangers", async () => {
    expect(await decide(LEVEL.LOW, "+49 89 555000")).toMatchObject({ allowed: true, reason: "crmClient" });
    expect(await decide(LEVEL.LOW, "00971 4 555 0000")).toMatchObject({ allowed: true, reason: "crmClient" });
    expect(await decide(LEVEL.LOW, "+49 30 12345678")).toMatchObject({ allowed: false, reason: "notACrmClient" });
    expect(await decide(LEVEL.LOW, "+1 555 0100")).toMatchObject({ allowed: false });
  });

  it("CRM clients and employees: also employees' numbers, but not extranet users'", async () => {
    expect(await decide(LEVEL.MID, "+49 30 12345678")).toMatchObject({ allowed: true, reason: "employee" });
    expect(await decide(LEVEL.MID, "+39 02 12345")).toMatchObject({ allowed: false, reason: "notCrmOrEmployee" });
    expect(await decide(LEVEL.MID, "+4989555000")).toMatchObject({ allowed: true, reason: "crmClient" });
  });

  it("any number: everything that is a number", async () => {
    expect(await decide(LEVEL.MAX, "+1 555 0100")).toMatchObject({ allowed: true, reason: "anyNumber" });
    expect(await decide(LEVEL.MAX, "x")).toMatchObject({ allowed: false, reason: "invalidNumber" });
  });

  it("blacklisted numbers are refused at every level, compared in their normalised form", async () => {
    await db.telephonySettings.upsert({
      where: { id: 1 },
      create: { id: 1, blacklist: ["+4989555000", "+15550199"] },
      update: { blacklist: ["+4989555000", "+15550199"] },
    });
    try {
      for (const level of [LEVEL.LOW, LEVEL.MID, LEVEL.MAX]) {
        expect(await decide(level, "0049 89 555 000")).toMatchObject({ allowed: false, reason: "blacklisted" });
      }
      expect(await decide(LEVEL.MAX, "+1 555 0199")).toMatchObject({ allowed: false, reason: "blacklisted" });
      expect(await decide(LEVEL.MAX, "+1 555 0100")).toMatchObject({ allowed: true, reason: "anyNumber" });
    } finally {
      await db.telephonySettings.update({ where: { id: 1 }, data: { blacklist: [] } });
    }
  });
});
