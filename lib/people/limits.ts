// The licence's user limit (SPEC §7): employees and external users together, except deactivated
// ones, count against it; invited accounts count too, since accepting needs no further check.
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import { PeopleConflictError, requirePortalAdmin } from "./guard.ts";

export class UserLimitReachedError extends PeopleConflictError {
  constructor(limit: number) {
    super("userLimitReached", { limit: String(limit) });
  }
}

export async function userLimit(db: Db): Promise<number | null> {
  const settings = await db.organisationSettings.findUnique({ where: { id: 1 }, select: { userLimit: true } });
  return settings?.userLimit ?? null;
}

export async function countedUsers(db: Db): Promise<number> {
  return db.user.count({ where: { status: { not: "DEACTIVATED" } } });
}

/** Refuses one more user when the limit is reached. Call inside the transaction that adds them. */
export async function checkUserLimit(db: Db, adding = 1) {
  // Two invitations at once must not both take the last seat: they queue on this lock, which
  // PostgreSQL releases when the transaction ends.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('people:user-limit'))`;
  const limit = await userLimit(db);
  if (limit === null) return;
  if ((await countedUsers(db)) + adding > limit) throw new UserLimitReachedError(limit);
}

/** Sets (or, with null, lifts) the limit; administrators only, audited. */
export async function setUserLimit(db: Database, actor: Access, limit: number | null) {
  requirePortalAdmin(actor, "change the user limit");
  await db.$transaction(async (tx) => {
    const before = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { userLimit: true } });
    await tx.organisationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, userLimit: limit },
      update: { userLimit: limit },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "organisation.userLimit",
      entityType: "OrganisationSettings",
      entityId: 1,
      before: { userLimit: before?.userLimit ?? null },
      after: { userLimit: limit },
    });
  });
}
