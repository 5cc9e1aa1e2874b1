// Checks an email and password; the reason for a refusal is a code the login form translates.
import { db } from "../db.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { admitAttempt, forgiveAttempt, throttleKeys } from "./throttle.ts";

export type SignInRefusal = "invalid" | "deactivated" | "throttled";

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: SignInRefusal; retryAfterSeconds?: number };

// A constant pause on every failure, so guessing is slow even before the lockout starts.
const FAILURE_PAUSE_MS = 400;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// An unknown address is checked against this hash, so it takes as long as a wrong password
// for a real account: the time of a refusal does not tell whether the address exists.
let dummyHash: Promise<string> | undefined;
const hashForUnknownAccounts = () => {
  dummyHash ??= hashPassword(`no account ${crypto.randomUUID()}`);
  return dummyHash;
};

export async function checkCredentials(
  rawEmail: string,
  password: string,
  clientAddress = "unknown",
): Promise<SignInResult> {
  const email = rawEmail.trim().toLowerCase();
  const keys = throttleKeys(email, clientAddress);
  // Counted before the password is looked at: parallel guesses are throttled like serial ones.
  const retryAfterSeconds = await admitAttempt(keys);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, status: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownAccounts()), password);
  if (!user?.passwordHash || !valid) {
    await pause(FAILURE_PAUSE_MS);
    return { ok: false, reason: "invalid" };
  }
  await forgiveAttempt(keys);
  if (user.status === "DEACTIVATED") return { ok: false, reason: "deactivated" };
  await db.user.update({ where: { id: user.id }, data: { lastActivityAt: new Date() } });
  return { ok: true, userId: user.id };
}
