// Server-side session state: a session (its id is in the token) can be ended before its
// cookie expires, and a deactivated user's sessions end at once.
import type { JWT } from "next-auth/jwt";
import { db } from "../db.ts";
import { SESSION_ABSOLUTE_SECONDS } from "./config.ts";

export async function sessionIsLive(token: JWT): Promise<boolean> {
  const userId = Number(token.uid);
  if (!Number.isInteger(userId) || userId <= 0 || typeof token.sid !== "string") return false;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { status: true, _count: { select: { revokedSessions: { where: { id: token.sid } } } } },
  });
  return user !== null && user.status !== "DEACTIVATED" && user._count.revokedSessions === 0;
}

/**
 * Records a session as ended. The record is kept for the sessions' absolute lifetime from now,
 * which outlasts any token of that session (none lives longer than that after sign-in).
 */
export async function revokeSession(token: JWT) {
  const userId = Number(token.uid);
  if (typeof token.sid !== "string" || !Number.isInteger(userId) || userId <= 0) return;
  const now = Date.now();
  await db.revokedSession.upsert({
    where: { id: token.sid },
    create: { id: token.sid, userId, expiresAt: new Date(now + SESSION_ABSOLUTE_SECONDS * 1000) },
    update: {},
  });
  // Entries for tokens that have expired anyway are no longer needed.
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}
