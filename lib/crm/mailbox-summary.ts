// What the CRM did for one mailbox lately (its settings page): counts only, never mail content,
// and failures as a count and a time — their text stays in the database for operators.
import "server-only";
import type { Db } from "../db.ts";

export const SUMMARY_DAYS = 30;

export interface CrmMailboxSummary {
  days: number;
  messages: number;
  leads: number;
  contacts: number;
  activities: number;
  blacklisted: number;
  failed: number;
  lastRunAt: string | null;
  lastErrorAt: string | null;
  backfillPending: boolean;
}

export async function crmMailboxSummary(db: Db, mailboxId: number, now = new Date()): Promise<CrmMailboxSummary> {
  const since = new Date(now.getTime() - SUMMARY_DAYS * 86_400_000);
  const [totals, state] = await Promise.all([
    db.$queryRaw<
      { messages: number; leads: number; contacts: number; activities: number; blacklisted: number; failed: number }[]
    >`
      SELECT COUNT(*)::int AS messages, COALESCE(SUM(leads), 0)::int AS leads, COALESCE(SUM(contacts), 0)::int AS contacts,
             COALESCE(SUM(activities), 0)::int AS activities,
             COUNT(*) FILTER (WHERE outcome = 'BLACKLISTED')::int AS blacklisted,
             COUNT(*) FILTER (WHERE outcome = 'FAILED')::int AS failed
      FROM "CrmProcessedMessage" WHERE "mailboxId" = ${mailboxId} AND "processedAt" >= ${since}`,
    db.crmMailboxState.findUnique({ where: { mailboxId } }),
  ]);
  return {
    days: SUMMARY_DAYS,
    ...totals[0]!,
    lastRunAt: state?.lastRunAt?.toISOString() ?? null,
    lastErrorAt: state?.lastErrorAt?.toISOString() ?? null,
    backfillPending: state?.backfillDays !== null && state?.backfillDays !== undefined,
  };
}
