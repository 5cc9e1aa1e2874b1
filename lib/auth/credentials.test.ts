import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { checkCredentials } from "./credentials.ts";
import { hashPassword } from "./password.ts";
import { lockoutMs, secondsUntilNextAttempt } from "./throttle.ts";

describe("sign-in with email and password", () => {
  beforeAll(async () => {
    const passwordHash = await hashPassword("right-password");
    await createUser(db, { email: "active@test.local", passwordHash });
    await createUser(db, { email: "gone@test.local", passwordHash, status: "DEACTIVATED" });
    await createUser(db, { email: "guesser@test.local", passwordHash });
  });

  it("accepts the right password, whatever the case of the email", async () => {
    const result = await checkCredentials("  Active@Test.Local ", "right-password");
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown address the same way", async () => {
    expect(await checkCredentials("active@test.local", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@test.local", "wrong")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated user even with the right password", async () => {
    expect(await checkCredentials("gone@test.local", "right-password")).toEqual({ ok: false, reason: "deactivated" });
  });

  it("slows down repeated failures, and then refuses even the right password until the wait is over", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) await checkCredentials("guesser@test.local", "wrong");
    const wait = await secondsUntilNextAttempt("guesser@test.local");
    expect(wait).toBeGreaterThan(0);
    const result = await checkCredentials("guesser@test.local", "right-password");
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    // After the wait, the right password works and clears the record.
    const later = new Date(Date.now() + lockoutMs(5) + 1000);
    expect(await secondsUntilNextAttempt("guesser@test.local", later)).toBe(0);
  });

  it("grows the lockout with each failure, up to a ceiling", () => {
    expect(lockoutMs(4)).toBe(0);
    expect(lockoutMs(5)).toBe(30_000);
    expect(lockoutMs(6)).toBe(60_000);
    expect(lockoutMs(30)).toBe(15 * 60_000);
  });
});
