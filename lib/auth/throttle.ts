// Slows down repeated failed sign-ins for one address: the first few mistakes are free, then
// each further attempt must wait longer (30 s, 1 min, 2 min … up to 15 min) before the
// password is even checked. A successful sign-in clears the record.
import { db } from "../db.ts";

const FREE_FAILURES = 4;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export function lockoutMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

const keyOf = (email: string) => `email:${email.trim().toLowerCase()}`;

/** Seconds to wait before this address may try again; 0 when it may try now. */
export async function secondsUntilNextAttempt(email: string, now = new Date()): Promise<number> {
  const record = await db.signInThrottle.findUnique({ where: { key: keyOf(email) } });
  if (!record) return 0;
  const waitUntil = record.lastFailedAt.getTime() + lockoutMs(record.failures);
  return Math.max(0, Math.ceil((waitUntil - now.getTime()) / 1000));
}

export async function recordFailedSignIn(email: string, now = new Date()) {
  const key = keyOf(email);
  await db.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, lastFailedAt: now },
    update: { failures: { increment: 1 }, lastFailedAt: now },
  });
}

export async function clearFailedSignIns(email: string) {
  await db.signInThrottle.deleteMany({ where: { key: keyOf(email) } });
}
