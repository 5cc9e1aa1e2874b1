export {};

// Child process of bench:sync: the initial sync, a no-change re-sync and a 1%-changed re-sync of
// one large mailbox, timed; peak RSS is this process's own (the worker's share of the work).
const mailboxId = Number(process.argv[2]);
const { db, disconnectDb } = await import("../../lib/db.ts");
const { syncMailbox } = await import("../../lib/mail/sync/mailbox-sync.ts");
const send = (message: object) => process.send?.(message);

const time = async (run: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

const initial = await time(() => syncMailbox(db, mailboxId));
const stored = await db.mailMessage.count({ where: { folder: { mailboxId } } });
// Steady state: the first passes pay for warming query plans and for the server (and PostgreSQL's
// autovacuum) still digesting the 100,000 fresh rows.
for (let run = 0; run < 3; run += 1) await syncMailbox(db, mailboxId);
const resyncs: number[] = [];
for (let run = 0; run < 15; run += 1) resyncs.push((await time(() => syncMailbox(db, mailboxId))).ms);
send({ kind: "ready-for-delta" });
await new Promise<void>((resolve) => process.once("message", () => resolve()));
const delta = await time(() => syncMailbox(db, mailboxId));
const flagged = await db.mailMessage.count({ where: { folder: { mailboxId }, flagged: true } });
send({
  kind: "done",
  initialMs: initial.ms,
  initialOk: (initial.result as { ok: boolean }).ok,
  stored,
  resyncMs: resyncs.sort((a, b) => a - b)[Math.floor(resyncs.length / 2)],
  deltaMs: delta.ms,
  flagged,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
});
await disconnectDb();
