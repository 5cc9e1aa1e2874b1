// Slows down guessing. Every sign-in attempt is counted *before* its password is checked, in one
// atomic statement per key, so parallel attempts cannot all slip past the check (the count and
// the decision happen under the row's lock). Two keys per attempt:
// - account + client address: the first few attempts are free, then each further one must wait
//   longer (30 s, 1 min, 2 min … up to 15 min). A stranger elsewhere cannot lock the owner out;
// - client address alone, across accounts, with a higher allowance: one address cannot spray
//   passwords over many accounts.
// A successful sign-in clears its account key and gives its attempt back to the address key.
import { db } from "../db.ts";

export interface ThrottleRule {
  freeAttempts: number;
}

export const ACCOUNT_RULE: ThrottleRule = { freeAttempts: 5 };
export const CLIENT_RULE: ThrottleRule = { freeAttempts: 30 };
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

/** The wait after `attempts` counted attempts before the next one may be checked. */
export function lockoutMs(attempts: number, rule: ThrottleRule = ACCOUNT_RULE): number {
  if (attempts < rule.freeAttempts) return 0;
  const doublings = Math.min(attempts - rule.freeAttempts, 10);
  return Math.min(BASE_DELAY_SECONDS * 2 ** doublings, MAX_DELAY_SECONDS) * 1000;
}

export interface ThrottleKeys {
  account: string;
  client: string;
}

export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}|${clientAddress}`, client: `client:${clientAddress}` };
}

/**
 * Counts one attempt for `key` unless it is locked; the same SQL computes the lock-out as
 * lockoutMs(). Returns null when counted, else the seconds to wait.
 */
async function countAttempt(key: string, rule: ThrottleRule, now: Date): Promise<number | null> {
  const free = rule.freeAttempts;
  // Within the free attempts nothing compares times: parallel requests carry clocks a few ms
  // apart, and "recorded later than my now" must not refuse a free attempt.
  const counted = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (key, failures, "lastFailedAt") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = "SignInThrottle".failures + 1,
      "lastFailedAt" = GREATEST("SignInThrottle"."lastFailedAt", EXCLUDED."lastFailedAt")
    WHERE "SignInThrottle".failures < ${free}::int
       OR "SignInThrottle"."lastFailedAt" + make_interval(secs => LEAST(
            ${BASE_DELAY_SECONDS}::int * power(2, LEAST("SignInThrottle".failures - ${free}::int, 10)),
            ${MAX_DELAY_SECONDS}::int)) <= EXCLUDED."lastFailedAt"
    RETURNING failures`;
  if (counted.length > 0) return null;
  return secondsUntilNextAttempt(key, rule, now);
}

/** Seconds until `key` may try again; 0 when it may try now. */
export async function secondsUntilNextAttempt(key: string, rule: ThrottleRule, now = new Date()): Promise<number> {
  const record = await db.signInThrottle.findUnique({ where: { key } });
  if (!record) return 0;
  const waitUntil = record.lastFailedAt.getTime() + lockoutMs(record.failures, rule);
  return Math.max(0, Math.ceil((waitUntil - now.getTime()) / 1000));
}

/** Counts the attempt on both keys; the wait in seconds if either is locked, else 0. */
export async function admitAttempt(keys: ThrottleKeys, now = new Date()): Promise<number> {
  const clientWait = await countAttempt(keys.client, CLIENT_RULE, now);
  if (clientWait !== null) return Math.max(1, clientWait);
  const accountWait = await countAttempt(keys.account, ACCOUNT_RULE, now);
  return accountWait === null ? 0 : Math.max(1, accountWait);
}

/** After a right password: the account starts over, and the address gets its attempt back. */
export async function forgiveAttempt(keys: ThrottleKeys) {
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: keys.account } }),
    db.signInThrottle.updateMany({
      where: { key: keys.client, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    }),
  ]);
}
