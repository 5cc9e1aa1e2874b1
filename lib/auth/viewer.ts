// The signed-in user of the current request, loaded once per request from the database, so a
// deactivation takes effect at once even while the session cookie is still valid.
import { cache } from "react";
import { db } from "../db.ts";
import { auth } from "./index.ts";

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

export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({ where: { id }, select: viewerSelect });
  if (!user || user.status === "DEACTIVATED") return null;
  return user;
});
