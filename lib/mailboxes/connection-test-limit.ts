// How often one person may make the console try mail servers (security #10, finding 6): every
// test, connect and re-tested settings save opens connections to a host they chose, so an
// unlimited supply would make the console a port prober and a password-guessing relay.
import type { Db } from "../db.ts";
import { RateLimitedError } from "../errors.ts";
import { hitRateLimit, type RateLimitRule } from "../security/rate-limit.ts";

/**
 * 10 tries per 5 minutes: setting up a mailbox takes a few (a typo in the password, the other
 * security setting, then test and connect), with room to spare; a prober gets two per minute.
 * Bulk connect, an administrator's batch of many logins at once, does not count (it runs rows
 * under the address policy all the same).
 */
export const CONNECTION_TEST_LIMIT: RateLimitRule = { limit: 10, windowMs: 5 * 60_000 };

/** Counts one connection test for the person, or throws RateLimitedError when they are over the limit. */
export async function countConnectionTest(db: Db, userId: number, rule: RateLimitRule = CONNECTION_TEST_LIMIT) {
  const result = await hitRateLimit(db, `connection-test:${userId}`, rule);
  if (!result.ok) throw new RateLimitedError(`connection tests of user ${userId}`, result.retryAfterSeconds);
}
