import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createRole, createUser } from "../../tests/factories.ts";
import { loadAccess } from "../access/access.ts";
import { LEVEL, TELEPHONY } from "../access/catalog.ts";
import { db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { updatePhoneSettingsInput } from "./page-schemas.ts";
import { listPhoneSettings, updatePhoneSettings } from "./phone-settings.ts";

const { NONE, LOW, MID, MAX } = LEVEL;

// Company ─┬─ Sales (head: head) ─── Sales DE (members: anna)
//          └─ Finance (members: carla)
// Each viewer holds the userSettings level named after them through a personal role.
describe("user phone settings: who may see and change whose", () => {
  const ids: Record<string, number> = {};
  const grant = (name: string, level: number) =>
    createRole(db, "TELEPHONY", { [TELEPHONY.userSettings.key]: level }, [{ kind: "USER", refId: ids[name] }]);

  beforeAll(async () => {
    for (const name of ["head", "anna", "carla", "own", "any", "denied"]) ids[name] = (await createUser(db)).id;
    ids.external = (await createUser(db, { kind: "EXTERNAL" })).id;
    const company = await createDepartment(db);
    const sales = await createDepartment(db, { parentId: company.id, headId: ids.head });
    const salesDe = await createDepartment(db, { parentId: sales.id });
    const finance = await createDepartment(db, { parentId: company.id });
    await addMembers(db, salesDe.id, [ids.anna!]);
    await addMembers(db, finance.id, [ids.carla!, ids.own!]);
    await grant("head", MID);
    await grant("own", LOW);
    await grant("any", MAX);
    await grant("denied", NONE);
    // Roles may reach an external user with "any user"; the cap keeps them at their own settings.
    await grant("external", MAX);
  });

  const listed = async (viewer: string) => {
    const access = await loadAccess(db, ids[viewer]!);
    const { rows } = await listPhoneSettings(db, access, { query: "", page: 1, perPage: 500 });
    return new Set(rows.map((row) => row.id));
  };
  const save = async (viewer: string, target: string, extension = "") =>
    updatePhoneSettings(
      db,
      await loadAccess(db, ids[viewer]!),
      updatePhoneSettingsInput.parse({ userId: ids[target], device: "Desk phone", extension, outgoingNumberId: null }),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
    );

  it("own: lists and changes only the viewer's own settings", async () => {
    expect(await listed("own")).toEqual(new Set([ids.own]));
    await expect(save("own", "own", "201")).resolves.toEqual({ changed: true });
    expect(await refusal(save("own", "carla"))).toBe("NOT_FOUND");
  });

  it("own department's users: the head reaches sub-departments, not other departments", async () => {
    const set = await listed("head");
    expect(set).toEqual(new Set([ids.head, ids.anna]));
    await expect(save("head", "anna", "202")).resolves.toEqual({ changed: true });
    expect(await refusal(save("head", "carla"))).toBe("NOT_FOUND");
  });

  it("any user: reaches everyone", async () => {
    const set = await listed("any");
    for (const name of ["head", "anna", "carla", "own", "external"]) expect(set.has(ids[name]!)).toBe(true);
    await expect(save("any", "carla", "203")).resolves.toEqual({ changed: true });
  });

  it("denied: lists nobody and changes nothing, not even their own", async () => {
    expect(await listed("denied")).toEqual(new Set());
    expect(await refusal(save("denied", "denied"))).toBe("NOT_FOUND");
  });

  it("an external user granted 'any user' is capped at their own settings", async () => {
    expect(await listed("external")).toEqual(new Set([ids.external]));
    expect(await refusal(save("external", "anna"))).toBe("NOT_FOUND");
    await expect(save("external", "external", "204")).resolves.toEqual({ changed: true });
  });

  it("an out-of-scope user reads exactly like one that does not exist", async () => {
    const access = await loadAccess(db, ids.head!);
    const missing = refusal(
      updatePhoneSettings(db, access, { userId: 2_000_000_000, device: null, extension: null, outgoingNumberId: null }),
    );
    expect(await missing).toBe("NOT_FOUND");
    expect(await refusal(save("head", "carla"))).toBe("NOT_FOUND");
  });

  it("a duplicate extension is a field error and nothing of the save is written", async () => {
    await save("any", "anna", "555");
    const access = await loadAccess(db, ids.any!);
    const attempt = updatePhoneSettings(db, access, {
      userId: ids.carla!,
      device: "Other device",
      extension: "555",
      outgoingNumberId: null,
    });
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { extension: "extensionTaken" } });
    const carla = await db.userPhoneSettings.findUnique({ where: { userId: ids.carla! } });
    expect(carla?.device).not.toBe("Other device");
  });

  it("refuses an outgoing number that does not exist, and audits a save with before and after", async () => {
    const access = await loadAccess(db, ids.any!);
    await expect(
      updatePhoneSettings(db, access, { userId: ids.carla!, device: null, extension: null, outgoingNumberId: 999_999 }),
    ).rejects.toMatchObject({ fieldErrors: { outgoingNumberId: "unknownPhoneNumber" } });
    const number = await db.phoneNumber.create({ data: { number: "+4930999000" } });
    await updatePhoneSettings(db, access, {
      userId: ids.carla!,
      device: null,
      extension: "777",
      outgoingNumberId: number.id,
    });
    const audit = await db.auditEvent.findFirst({
      where: { action: "phoneSettings.update", entityId: String(ids.carla) },
      orderBy: { id: "desc" },
    });
    expect(audit?.actorId).toBe(ids.any);
    expect(audit?.after).toMatchObject({ extension: "777", outgoingNumberId: number.id });
    expect(audit?.before).toMatchObject({ extension: "203" });
  });

  it("extensions are digits only; an empty field clears it", () => {
    const parse = (extension: string) =>
      updatePhoneSettingsInput.safeParse({ userId: 1, device: "", extension, outgoingNumberId: null });
    expect(parse("12a").success).toBe(false);
    expect(parse("1").success).toBe(false);
    expect(parse("123456789").success).toBe(false);
    expect(parse("").data?.extension).toBeNull();
    expect(parse(" 4711 ").data?.extension).toBe("4711");
  });
});
