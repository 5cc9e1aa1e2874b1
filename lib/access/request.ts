// The current request's access, computed once per request (React cache) for pages and actions.
import "server-only";
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { getViewer, type Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { redirect } from "../i18n/navigation.ts";
import { type Access, loadAccess } from "./access.ts";
import { canOpen, type SectionKey } from "./sections.ts";

export const getAccess = cache(async (): Promise<{ viewer: Viewer; access: Access } | null> => {
  const viewer = await getViewer();
  if (!viewer) return null;
  return { viewer, access: await loadAccess(db, viewer.id) };
});

/** For pages: signed in, or off to the sign-in page. */
export async function requireSignedIn(): Promise<{ viewer: Viewer; access: Access }> {
  const current = await getAccess();
  if (!current) {
    redirect({ href: "/login", locale: await getLocale() });
    throw new Error("unreachable: redirect() throws");
  }
  return current;
}

/** For pages: allowed into this section, or a 403 page. */
export async function requireSection(section: SectionKey) {
  const current = await requireSignedIn();
  if (!canOpen[section](current.access)) forbidden();
  return current;
}
