// Connecting mailboxes for several employees at once (SPEC §3.2). Server settings come once for
// the batch; every row is checked and connected on its own, and the run is kept as history —
// without a single password: they exist only in memory while the rows are being connected.
import type { Access } from "../access/access.ts";
import { canConnectForOthers } from "../access/mailbox-rights.ts";
import type { Database } from "../db.ts";
import { DomainError, ForbiddenError } from "../errors.ts";
import type { ConnectionTestOptions } from "../mail/connection-test.ts";
import { connectMailbox } from "./connect.ts";
import type { BulkConnectInput } from "./schemas.ts";

/** Rows are tried a few at a time: each one is a login on the mail server. */
const ROW_CONCURRENCY = 4;

export async function startBulkConnect(db: Database, actor: Access, input: BulkConnectInput): Promise<number> {
  if (!canConnectForOthers(actor)) throw new ForbiddenError("bulk connect");
  const run = await db.bulkConnectRun.create({
    data: {
      actorId: actor.userId,
      domain: input.domain,
      imapHost: input.imapHost,
      imapPort: input.imapPort,
      imapSecurity: input.imapSecurity,
      smtpEnabled: input.smtpEnabled,
      smtpHost: input.smtpEnabled ? input.smtpHost : null,
      smtpPort: input.smtpEnabled ? input.smtpPort : null,
      smtpSecurity: input.smtpEnabled ? (input.smtpSecurity ?? input.imapSecurity) : null,
      total: input.rows.length,
      rows: {
        create: input.rows.map((row, position) => ({
          position,
          userId: row.userId,
          email: row.email,
          login: row.login ?? row.email,
        })),
      },
    },
  });
  return run.id;
}

type RowResult = { outcome: "CONNECTED"; mailboxId: number } | { outcome: "FAILED"; reason: string };

async function connectRow(
  db: Database,
  actor: Access,
  input: BulkConnectInput,
  index: number,
  runId: number,
  options: ConnectionTestOptions,
): Promise<RowResult> {
  const row = input.rows[index]!;
  if (!row.email.endsWith(`@${input.domain}`)) return { outcome: "FAILED", reason: "domainMismatch" };
  const earlier = input.rows.slice(0, index).some((other) => other.userId === row.userId && other.email === row.email);
  if (earlier) return { outcome: "FAILED", reason: "duplicateInBatch" };
  try {
    const { id } = await connectMailbox(
      db,
      actor,
      {
        ownerId: row.userId,
        email: row.email,
        imapHost: input.imapHost,
        imapPort: input.imapPort,
        imapSecurity: input.imapSecurity,
        imapLogin: row.login ?? row.email,
        imapPassword: row.password,
        smtpEnabled: input.smtpEnabled,
        smtpHost: input.smtpHost,
        smtpPort: input.smtpPort,
        smtpSecurity: input.smtpSecurity,
        smtpLogin: row.smtpLogin,
        smtpPassword: row.smtpPassword,
        syncPeriod: input.syncPeriod,
        saveSentCopy: true,
        excludedFolders: [],
        name: undefined,
        senderName: undefined,
        sentFolder: undefined,
        trashFolder: undefined,
        spamFolder: undefined,
      },
      // The address policy holds for every row; the per-person test limit does not: a batch is
      // many logins by design, and only those who may connect for others can start one.
      { ...options, bulkRunId: runId, testLimit: null },
    );
    return { outcome: "CONNECTED", mailboxId: id };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "FORBIDDEN") return { outcome: "FAILED", reason: "outOfScope" };
    if (error.code === "CONNECTION_FAILED")
      return { outcome: "FAILED", reason: error.details?.mailCode ?? "SERVER_ERROR" };
    return { outcome: "FAILED", reason: Object.values(error.fieldErrors ?? {})[0] ?? "invalid" };
  }
}

/** Connects every row (a few at a time), recording each outcome as soon as it is known. */
export async function processBulkConnect(
  db: Database,
  actor: Access,
  runId: number,
  input: BulkConnectInput,
  options: ConnectionTestOptions = {},
) {
  const rows = await db.bulkConnectRow.findMany({
    where: { runId },
    orderBy: { position: "asc" },
    select: { id: true, position: true },
  });
  let next = 0;
  const connected: number[] = [];
  const lane = async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      let result: RowResult;
      try {
        result = await connectRow(db, actor, input, row.position, runId, options);
      } catch {
        result = { outcome: "FAILED", reason: "unexpected" };
      }
      if (result.outcome === "CONNECTED") connected.push(result.mailboxId);
      await db.$transaction([
        db.bulkConnectRow.update({
          where: { id: row.id },
          data:
            result.outcome === "CONNECTED"
              ? { outcome: "CONNECTED", mailboxId: result.mailboxId, finishedAt: new Date() }
              : { outcome: "FAILED", reason: result.reason, finishedAt: new Date() },
        }),
        db.bulkConnectRun.update({
          where: { id: runId },
          data: result.outcome === "CONNECTED" ? { connected: { increment: 1 } } : { failed: { increment: 1 } },
        }),
      ]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ROW_CONCURRENCY, rows.length) }, lane));
  await db.bulkConnectRun.update({ where: { id: runId }, data: { status: "DONE", finishedAt: new Date() } });
  return { connected };
}

/** Runs still "running" long after any run could take were cut off by a restart. */
export async function markInterruptedRuns(db: Database, now = new Date()) {
  await db.bulkConnectRun.updateMany({
    where: { status: "RUNNING", createdAt: { lt: new Date(now.getTime() - 60 * 60_000) } },
    data: { status: "INTERRUPTED", finishedAt: now },
  });
}
