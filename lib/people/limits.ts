// The licence's user limit (SPEC §7): employees and external users together, except deactivated
// ones, count against it; invited accounts count too, since accepting needs no further check.
import type { Db } from "../db.ts";
import { DomainError } from "../errors.ts";

export class UserLimitReachedError extends DomainError {
  constructor(limit: number) {
    super("CONFLICT", `user limit of ${limit} reached`, { _: "userLimitReached" }, { limit: String(limit) });
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
