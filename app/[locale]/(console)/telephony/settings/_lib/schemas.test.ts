import { describe, expect, it } from "vitest";
import en from "../../../../../../lib/i18n/messages/en.json";
import { blacklistNumberSchema, createTokenInput, generalSettingsInput } from "./schemas";

const reason = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe("telephony settings input", () => {
  it("blacklist numbers are normalised; anything else is refused with a message key", () => {
    expect(blacklistNumberSchema.parse(" 0049 (89) 555-777 ")).toBe("+4989555777");
    expect(blacklistNumberSchema.parse("+1 555 0100")).toBe("+15550100");
    const refusals = ["", "call me", "12", "+49 30 1234\u0000", "+49\u202e30", "1".repeat(41), "+".repeat(5)].map(
      (value) => reason(blacklistNumberSchema.safeParse(value)),
    );
    expect(refusals).toEqual([
      "required",
      "invalidPhoneNumber",
      "invalidPhoneNumber",
      "disallowedCharacters",
      "disallowedCharacters",
      "tooLong",
      "invalidPhoneNumber",
    ]);
    for (const key of refusals) expect(Object.keys(en.Validation)).toContain(key);
  });

  it("retention is whole days between 1 and 36,500, or null; the number id an int4", () => {
    expect(generalSettingsInput.parse({ defaultOutgoingNumberId: null, recordingRetentionDays: null })).toBeTruthy();
    for (const days of [0, -1, 1.5, 36_501, Number.NaN])
      expect(
        reason(generalSettingsInput.safeParse({ defaultOutgoingNumberId: null, recordingRetentionDays: days })),
      ).toBe("invalidRetention");
    expect(
      generalSettingsInput.safeParse({ defaultOutgoingNumberId: 2 ** 31, recordingRetentionDays: 30 }).success,
    ).toBe(false);
  });

  it("token names are one clean line", () => {
    expect(createTokenInput.parse({ name: "  Office PBX " })).toEqual({ name: "Office PBX" });
    expect(reason(createTokenInput.safeParse({ name: "a\nb" }))).toBe("disallowedCharacters");
    expect(reason(createTokenInput.safeParse({ name: " " }))).toBe("required");
    expect(createTokenInput.safeParse({ name: "x", extra: 1 }).success).toBe(false);
  });
});
