// The signed-in user of the current request, loaded once per request from the database, so a
// deactivation takes effect at once even while the session cookie is still valid.
import { cache } from "react";
import { db } from "../db.ts";
import { recordActivity } from "../mailboxes/activity.ts";
import { auth } from "./index.ts";
import { revokeSession } from "./sessions.ts";

export const viewerSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  kind: true,
  status: true,
  isPortalAdmin: true,
} as const;

export type Viewer = { id: number; email: string; firstName: string; lastName: string } & {
  kind: "EMPLOYEE" | "EXTERNAL";
  status: "INVITED" | "ACTIVE" | "DEACTIVATED";
  isPortalAdmin: boolean;
};

export function sessionIdOf(session: unknown): string | null {
  const sid = (session as { sid?: unknown } | null)?.sid;
  return typeof sid === "string" && sid.length > 0 ? sid : null;
}

/** Ends the current session on the server (before its cookie is cleared). */
export async function revokeCurrentSession() {
  const session = await auth();
  await revokeSession({ uid: session?.user?.id, sid: sessionIdOf(session) ?? undefined });
}

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const sid = sessionIdOf(session);
  if (!sid) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { ...viewerSelect, lastActivityAt: true, _count: { select: { revokedSessions: { where: { id: sid } } } } },
  });
  if (!user || user.status === "DEACTIVATED" || user._count.revokedSessions > 0) return null;
  await recordActivity(db, user);
  const { lastActivityAt: _lastActivityAt, _count: _revoked, ...viewer } = user;
  return viewer;
});
