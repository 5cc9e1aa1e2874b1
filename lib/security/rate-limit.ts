// Fixed-window rate limits kept in the database, so they hold across processes and restarts.
// The increment and the check are one statement: parallel requests cannot all slip through.
import type { Db } from "../db.ts";

export interface RateLimitRule {
  /** How many hits a key may make per window. */
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts one hit for `key` and says whether it is within the rule. */
export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  const rows = await db.$queryRaw<{ hits: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", hits) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN 1 ELSE "RateLimit".hits + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowFloor} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING hits, "windowStart"`;
  const row = rows[0]!;
  if (row.hits <= rule.limit) return { ok: true, remaining: rule.limit - row.hits };
  const retryAt = row.windowStart.getTime() + rule.windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}
