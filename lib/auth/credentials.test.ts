import { beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { checkCredentials } from "./credentials.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { ACCOUNT_RULE, CLIENT_RULE, lockoutMs, secondsUntilNextAttempt, throttleKeys } from "./throttle.ts";

// The real verifier, watched: the tests below count how many passwords were really checked.
vi.mock("./password.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password.ts")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
const verified = vi.mocked(verifyPassword);

describe("sign-in with email and password", () => {
  beforeAll(async () => {
    const passwordHash = await hashPassword("right-password");
    await createUser(db, { email: "active@test.local", passwordHash });
    await createUser(db, { email: "gone@test.local", passwordHash, status: "DEACTIVATED" });
    await createUser(db, { email: "guesser@test.local", passwordHash });
    await createUser(db, { email: "raced@test.local", passwordHash });
    await createUser(db, { email: "owner@test.local", passwordHash });
  });

  it("accepts the right password, whatever the case of the email", async () => {
    const result = await checkCredentials("  Active@Test.Local ", "right-password", "10.0.0.1");
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown address the same way, both checked against a hash", async () => {
    verified.mockClear();
    expect(await checkCredentials("active@test.local", "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@test.local", "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    // The unknown address cost a real argon2 verification too, so its answer is not faster.
    expect(verified).toHaveBeenCalledTimes(2);
    expect(verified.mock.calls[1]![0]).toMatch(/^\$argon2id\$/);
  });

  it("refuses a deactivated user even with the right password", async () => {
    expect(await checkCredentials("gone@test.local", "right-password", "10.0.0.1")).toEqual({
      ok: false,
      reason: "deactivated",
    });
  });

  it("slows down repeated failures, and then refuses even the right password until the wait is over", async () => {
    for (let attempt = 0; attempt < ACCOUNT_RULE.freeAttempts; attempt += 1)
      await checkCredentials("guesser@test.local", "wrong", "10.0.0.2");
    const key = throttleKeys("guesser@test.local", "10.0.0.2").account;
    expect(await secondsUntilNextAttempt(key, ACCOUNT_RULE)).toBeGreaterThan(0);
    const result = await checkCredentials("guesser@test.local", "right-password", "10.0.0.2");
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    const later = new Date(Date.now() + lockoutMs(ACCOUNT_RULE.freeAttempts) + 1000);
    expect(await secondsUntilNextAttempt(key, ACCOUNT_RULE, later)).toBe(0);
  });

  it("checks no more passwords than the free attempts when 25 arrive at once", async () => {
    verified.mockClear();
    const attempts = Array.from({ length: 25 }, (_, index) =>
      checkCredentials("raced@test.local", index === 24 ? "right-password" : `guess-${index}`, "10.0.0.3"),
    );
    const results = await Promise.all(attempts);
    const checked = results.filter((result) => result.ok || result.reason !== "throttled");
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_RULE.freeAttempts);
    expect(verified.mock.calls.length).toBeLessThanOrEqual(ACCOUNT_RULE.freeAttempts);
  });

  it("does not lock the owner out from another address", async () => {
    for (let attempt = 0; attempt < ACCOUNT_RULE.freeAttempts + 2; attempt += 1)
      await checkCredentials("owner@test.local", "wrong", "10.0.0.4");
    expect(await checkCredentials("owner@test.local", "right-password", "10.0.0.4")).toMatchObject({
      reason: "throttled",
    });
    expect(await checkCredentials("owner@test.local", "right-password", "10.0.0.5")).toMatchObject({ ok: true });
  });

  it("limits one address across many accounts", async () => {
    const sprayed = await Promise.all(
      Array.from({ length: CLIENT_RULE.freeAttempts }, (_, index) =>
        checkCredentials(`sprayed-${index}@test.local`, "password1", "10.0.0.6"),
      ),
    );
    // Every free attempt is really free, however the parallel requests' clocks interleave.
    expect(sprayed.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(await checkCredentials("active@test.local", "right-password", "10.0.0.6")).toMatchObject({
      reason: "throttled",
    });
    expect(await checkCredentials("active@test.local", "right-password", "10.0.0.7")).toMatchObject({ ok: true });
  });

  it("grows the lockout with each attempt beyond the free ones, up to a ceiling", () => {
    expect(lockoutMs(4)).toBe(0);
    expect(lockoutMs(5)).toBe(30_000);
    expect(lockoutMs(6)).toBe(60_000);
    expect(lockoutMs(30)).toBe(15 * 60_000);
    expect(lockoutMs(29, CLIENT_RULE)).toBe(0);
  });
});
