import { describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { ValidationError } from "../errors.ts";
import { addToBlacklist, getTelephonySettings, removeFromBlacklist, saveGeneralSettings } from "./settings.ts";

describe("telephony settings", () => {
  it("saves the default number and retention, audited; an unknown number changes nothing", async () => {
    const admin = await createUser(db);
    const number = await db.phoneNumber.create({ data: { number: "+4930777000" } });
    await saveGeneralSettings(db, admin.id, { defaultOutgoingNumberId: number.id, recordingRetentionDays: 90 });
    expect(await getTelephonySettings(db)).toMatchObject({
      defaultOutgoingNumberId: number.id,
      recordingRetentionDays: 90,
    });
    await expect(
      saveGeneralSettings(db, admin.id, { defaultOutgoingNumberId: 999_999, recordingRetentionDays: 5 }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await getTelephonySettings(db)).toMatchObject({
      defaultOutgoingNumberId: number.id,
      recordingRetentionDays: 90,
    });
    const audit = await db.auditEvent.findMany({ where: { action: "telephonySettings.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, after: { recordingRetentionDays: 90 } });
  });

  it("adds and removes blacklist numbers, refusing duplicates, concurrent adds all kept", async () => {
    const admin = await createUser(db);
    await addToBlacklist(db, admin.id, "+4989555000");
    await expect(addToBlacklist(db, admin.id, "+4989555000")).rejects.toMatchObject({
      fieldErrors: { number: "alreadyBlacklisted" },
    });
    await Promise.all(["+1555001", "+1555002", "+1555003"].map((number) => addToBlacklist(db, admin.id, number)));
    expect((await getTelephonySettings(db)).blacklist).toEqual(["+1555001", "+1555002", "+1555003", "+4989555000"]);
    await removeFromBlacklist(db, admin.id, "+1555002");
    expect((await getTelephonySettings(db)).blacklist).toEqual(["+1555001", "+1555003", "+4989555000"]);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "telephonySettings.blacklist" } } })).toBe(5);
  });
});
