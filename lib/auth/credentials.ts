// Checks an email and password; the reason for a refusal is a code the login form translates.
import { db } from "../db.ts";
import { verifyPassword } from "./password.ts";
import { clearFailedSignIns, recordFailedSignIn, secondsUntilNextAttempt } from "./throttle.ts";

export type SignInRefusal = "invalid" | "deactivated" | "throttled";

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: SignInRefusal; retryAfterSeconds?: number };

// A constant pause on every failure, so guessing is slow even before the lockout starts.
const FAILURE_PAUSE_MS = 400;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function checkCredentials(rawEmail: string, password: string): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const retryAfterSeconds = await secondsUntilNextAttempt(email);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) {
    await recordFailedSignIn(email);
    await pause(FAILURE_PAUSE_MS);
    return { ok: false, reason: "invalid" };
  }
  if (user.status === "DEACTIVATED") return { ok: false, reason: "deactivated" };
  await clearFailedSignIns(email);
  await db.user.update({ where: { id: user.id }, data: { lastActivityAt: new Date() } });
  return { ok: true, userId: user.id };
}
