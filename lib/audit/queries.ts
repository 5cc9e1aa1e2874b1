// Reading the audit log (admins only; the pages check that through lib/access).
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { summarizeChanges } from "./summary.ts";

const actorSelect = { select: { id: true, firstName: true, lastName: true, email: true } } as const;

export interface AuditFilter {
  actorId?: number | null;
  entityType?: string | null;
  from?: Date | null;
  /** Inclusive: the whole day. */
  to?: Date | null;
  page: number;
  perPage: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: new Date(filter.to.getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    // The list shows a summary; the values themselves (up to megabytes) stay in the database.
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * filter.perPage,
      take: filter.perPage,
      omit: { before: true, after: true },
      include: { actor: actorSelect },
    }),
  ]);
  const summaries = await summarizeChanges(
    db,
    events.map((event) => event.id),
  );
  const rows = events.map((event) => ({ ...event, summary: summaries.get(event.id)! }));
  return { total, rows };
}

/** One event with its whole before and after, for its own page. */
export async function auditEventById(db: Db, id: bigint) {
  return db.auditEvent.findUnique({ where: { id }, include: { actor: actorSelect } });
}

/** People who have changed something, for the actor filter. */
export async function auditActors(db: Db) {
  const ids = await db.auditEvent.findMany({
    where: { actorId: { not: null } },
    distinct: ["actorId"],
    select: { actorId: true },
  });
  return db.user.findMany({
    where: { id: { in: ids.map((row) => row.actorId!) } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
}

export async function auditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    distinct: ["entityType"],
    select: { entityType: true },
    orderBy: { entityType: "asc" },
  });
  return rows.map((row) => row.entityType);
}

/** Top-level fields whose value differs between before and after, for a compact change list. */
export function changedFields(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(before) || !isObject(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: "", before, after }];
  }
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.flatMap((field) => {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) === JSON.stringify(b)) return [];
    if (isObject(a) && isObject(b))
      return changedFields(a, b).map((inner) => ({ ...inner, field: `${field}.${inner.field}` }));
    return [{ field, before: a, after: b }];
  });
}
