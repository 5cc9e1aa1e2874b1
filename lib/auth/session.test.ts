import { describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { authConfig, SESSION_ABSOLUTE_SECONDS, SESSION_MAX_AGE_SECONDS } from "./config.ts";
import { revokeSession } from "./sessions.ts";

const refresh = authConfig.callbacks.jwt;
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("session tokens", () => {
  it("get a session id and a sign-in time at sign-in, and keep both through refreshes", () => {
    const signedIn = refresh({ token: {}, user: { id: "7" } });
    expect(signedIn).toMatchObject({ uid: "7", sid: expect.any(String), signedInAt: expect.any(Number) });
    expect(refresh({ token: { ...signedIn } })).toEqual(signedIn);
  });

  it("end at their absolute lifetime, however often they were refreshed", () => {
    const almost = { uid: "7", sid: "s", signedInAt: nowSeconds() - SESSION_ABSOLUTE_SECONDS + 60 };
    expect(refresh({ token: almost })).not.toBeNull();
    const expired = { uid: "7", sid: "s", signedInAt: nowSeconds() - SESSION_ABSOLUTE_SECONDS };
    expect(refresh({ token: expired })).toBeNull();
  });

  it("without a sign-in time (issued before lifetimes existed, or forged) are not refreshed", () => {
    expect(refresh({ token: { uid: "7", sid: "s" } })).toBeNull();
    expect(refresh({ token: { uid: "7", sid: "s", signedInAt: nowSeconds() + 3600 } })).toBeNull();
  });

  it("are remembered as revoked for at least the longest lifetime a token of the session can have", async () => {
    expect(SESSION_ABSOLUTE_SECONDS).toBeGreaterThanOrEqual(SESSION_MAX_AGE_SECONDS);
    const user = await createUser(db, { email: "revoked@test.local" });
    await revokeSession({ uid: String(user.id), sid: "session-1" });
    const row = await db.revokedSession.findUniqueOrThrow({ where: { id: "session-1" } });
    const latestPossibleEnd = Date.now() + SESSION_ABSOLUTE_SECONDS * 1000 - 5_000;
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(latestPossibleEnd);
  });
});
