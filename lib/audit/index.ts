// The audit log (SPEC §8): who changed what, when, with the values before and after.
// Writers pass the transaction of the change itself, so a change and its record land together.
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export interface AuditEntry {
  actorId: number | null;
  /** Verb, e.g. "role.create", "mailbox.connect". */
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

// Defence in depth: whatever a caller passes, values under these keys never reach the log.
const SECRET_KEY = /pass(word)?|secret|token|Enc$/i;

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redactSecrets(inner)]),
    );
  }
  return value;
}

const asJson = (value: unknown) => (value === undefined ? undefined : (redactSecrets(value) as Prisma.InputJsonValue));

export async function recordAudit(db: Db, entries: AuditEntry | AuditEntry[]) {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.auditEvent.createMany({
    data: list.map((entry) => ({
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: asJson(entry.before),
      after: asJson(entry.after),
    })),
  });
}
