// The telephony balance (SPEC §5.1 "manage balance"): a ledger of top-ups, call charges and
// adjustments; the balance is its sum per currency, never a stored number that could drift.
import "server-only";
import type { Access } from "../access/access.ts";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { AddBalanceEntryInput } from "./page-schemas.ts";

export interface LedgerSearch {
  from: Date | null;
  /** Inclusive: the whole day. */
  to: Date | null;
  page: number;
  perPage: number;
}

const DAY = 86_400_000;

export async function balanceByCurrency(db: Db): Promise<{ currency: string; amountCents: number }[]> {
  const groups = await db.balanceEntry.groupBy({
    by: ["currency"],
    _sum: { amountCents: true },
    orderBy: { currency: "asc" },
  });
  return groups.map((group) => ({ currency: group.currency, amountCents: group._sum.amountCents ?? 0 }));
}

export async function ledgerPage(db: Database, search: LedgerSearch) {
  const at: Prisma.DateTimeFilter = {};
  if (search.from) at.gte = search.from;
  if (search.to) at.lt = new Date(search.to.getTime() + DAY);
  const where: Prisma.BalanceEntryWhereInput = search.from || search.to ? { at } : {};
  const [total, rows] = await db.$transaction([
    db.balanceEntry.count({ where }),
    db.balanceEntry.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (search.page - 1) * search.perPage,
      take: search.perPage,
      select: { id: true, kind: true, amountCents: true, currency: true, description: true, callId: true, at: true },
    }),
  ]);
  return { total, rows };
}

export async function addBalanceEntry(db: Database, access: Access, input: AddBalanceEntryInput) {
  return db.$transaction(async (tx) => {
    const entry = await tx.balanceEntry.create({
      data: { kind: input.kind, amountCents: input.amount, currency: input.currency, description: input.description },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: "balance.add",
      entityType: "BalanceEntry",
      entityId: entry.id,
      after: { kind: input.kind, amountCents: input.amount, currency: input.currency, description: input.description },
    });
    return entry;
  });
}
