import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { type Access, loadAccess } from "../access/access.ts";
import { db } from "../db.ts";
import { decryptSecret } from "../mail/secrets.ts";
import {
  addNumber,
  deleteConnection,
  deleteNumber,
  numbersOverview,
  saveConnection,
  sipSecretContext,
} from "./numbers.ts";
import { saveConnectionInput } from "./page-schemas.ts";

const PASSWORD = "sip-Secret-4711";

describe("rented numbers and SIP connections", () => {
  let admin: Access;
  let connectionId: number;
  beforeAll(async () => {
    admin = await loadAccess(db, (await createUser(db, { isPortalAdmin: true })).id);
    const input = saveConnectionInput.parse({
      name: "Office PBX",
      host: "pbx.example.com",
      port: "5060",
      login: "trunk1",
      password: PASSWORD,
    });
    connectionId = (await saveConnection(db, admin, input)).id;
  });

  const stored = () =>
    db.sipConnection.findUniqueOrThrow({ where: { id: connectionId }, omit: { passwordEnc: false } });
  const edit = (fields: Record<string, unknown>) =>
    saveConnection(
      db,
      admin,
      saveConnectionInput.parse({
        id: connectionId,
        name: "Office PBX",
        host: "pbx.example.com",
        port: 5060,
        login: "trunk1",
        ...fields,
      }),
    );

  it("stores the password encrypted and bound to its row", async () => {
    const row = await stored();
    expect(row.passwordEnc).not.toContain(PASSWORD);
    expect(decryptSecret(row.passwordEnc, sipSecretContext(connectionId))).toBe(PASSWORD);
    expect(() => decryptSecret(row.passwordEnc, sipSecretContext(connectionId + 1))).toThrow();
  });

  it("keeps the stored password when only the name changes and the password is left empty", async () => {
    const before = (await stored()).passwordEnc;
    await edit({ name: "Office PBX (Berlin)", password: "" });
    const row = await stored();
    expect(row.name).toBe("Office PBX (Berlin)");
    expect(row.passwordEnc).toBe(before);
  });

  it.each([
    ["host", { host: "evil.example.net" }],
    ["port", { port: 5061 }],
    ["login", { login: "someone-else" }],
  ])("a changed %s without a password is a field error, and nothing is saved", async (_field, change) => {
    const before = await stored();
    await expect(edit({ ...change, password: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: "passwordForNewServer" },
    });
    expect(await stored()).toEqual(before);
  });

  it("a changed host with a new password saves both", async () => {
    await edit({ host: "pbx2.example.com", password: "new-pass" });
    const row = await stored();
    expect(row.host).toBe("pbx2.example.com");
    expect(decryptSecret(row.passwordEnc, sipSecretContext(connectionId))).toBe("new-pass");
    await edit({ host: "pbx.example.com", password: PASSWORD });
  });

  it("a new connection needs a password", () => {
    const parsed = saveConnectionInput.safeParse({
      name: "X",
      host: "sip.example.com",
      port: 5060,
      login: "a",
      password: "",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["password"]);
  });

  it("the page data holds neither the stored nor the plain password; default queries omit it", async () => {
    const overview = JSON.stringify(await numbersOverview(db));
    const { passwordEnc } = await stored();
    expect(overview).toContain("trunk1");
    expect(overview).not.toContain(PASSWORD);
    expect(overview).not.toContain(passwordEnc);
    expect(overview).not.toContain("passwordEnc");
    expect(Object.keys(await db.sipConnection.findUniqueOrThrow({ where: { id: connectionId } }))).not.toContain(
      "passwordEnc",
    );
  });

  it("normalises numbers, refuses duplicates, and refuses to delete a number or connection in use", async () => {
    const added = await addNumber(db, admin, { number: "0049 30 555-0100", label: "Berlin", connectionId });
    expect((await db.phoneNumber.findUniqueOrThrow({ where: { id: added!.id } })).number).toBe("+49305550100");
    await expect(
      addNumber(db, admin, { number: "+49 30 5550100", label: null, connectionId: null }),
    ).rejects.toMatchObject({
      fieldErrors: { number: "numberTaken" },
    });
    const user = await createUser(db);
    await db.userPhoneSettings.create({ data: { userId: user.id, outgoingNumberId: added!.id } });
    await expect(deleteNumber(db, admin, added!.id)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { users: "1" },
    });
    await expect(deleteConnection(db, admin, connectionId)).rejects.toMatchObject({
      code: "CONFLICT",
      details: { numbers: "1" },
    });
    await db.userPhoneSettings.delete({ where: { userId: user.id } });
    await deleteNumber(db, admin, added!.id);
    expect(await db.phoneNumber.findUnique({ where: { id: added!.id } })).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entityType: { in: ["PhoneNumber", "SipConnection"] } } });
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        "sipConnection.create",
        "sipConnection.update",
        "phoneNumber.create",
        "phoneNumber.delete",
      ]),
    );
    expect(JSON.stringify(audit.map((event) => [event.before, event.after]))).not.toContain(PASSWORD);
  });
});
