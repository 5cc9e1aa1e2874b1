// npm run bench:sync — a 100,000-message folder on a real Dovecot: raw imapflow fetch rate vs our
// initial sync into PostgreSQL, the worker's peak RSS, a no-change re-sync, a re-sync after 1% of
// flags changed; then 1,000 small mailboxes synced by 2 worker processes (a full no-change pass).
// Targets: ratio ≥ 0.6, RSS ≤ 300 MB, re-sync ≤ 100 ms, 1% change ≤ 1 s, 1,000 mailboxes ≤ 60 s.
import { fork } from "node:child_process";
import { ImapFlow } from "imapflow";
import { Dovecot } from "../lib/dovecot.ts";
import { spawnWorker, TS_ENTRY_FLAGS, workerNodeFlags } from "../lib/worker-process.ts";
import { benchDatabase, round } from "./lib.ts";

const LARGE = Number(process.env.BENCH_SYNC_MESSAGES ?? 100_000);
const SMALL_MAILBOXES = Number(process.env.BENCH_SYNC_MAILBOXES ?? 1_000);
const log = (line: string) => console.log(line);

const dovecot = await Dovecot.start();
const database = await benchDatabase("bench_sync");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-auth-secret-0123456789",
  MAIL_SECRET_KEYS: process.env.MAIL_SECRET_KEYS ?? `b1:${Buffer.alloc(32, 3).toString("base64")}`,
  // The syncs (here and in the worker processes) go to this Dovecot on loopback: allow exactly it.
  MAIL_ALLOWED_NETWORKS: `127.0.0.1:${dovecot.port}`,
});
const { db, disconnectDb } = await import("../../lib/db.ts");
const { createImapMailbox, createUser } = await import("../../tests/factories.ts");

try {
  // ── one large folder ──
  const user = "large@bench.test";
  await dovecot.addUser(user, "bench");
  const seedStart = Date.now();
  const senders = [
    "Anna Schmidt <anna@example.com>",
    "Marco Rossi <marco@example.it>",
    "Layla Haddad <layla@example.ae>",
    "Billing <billing@shop.example>",
  ];
  for (let offset = 0; offset < LARGE; offset += 10_000) {
    await dovecot.seed(
      user,
      "INBOX",
      Array.from({ length: Math.min(10_000, LARGE - offset) }, (_, index) => ({
        from: senders[(offset + index) % senders.length],
        subject: `Order ${offset + index}: shipping confirmation and invoice`,
        date: new Date(Date.now() - (LARGE - offset - index) * 60_000),
        flags: (offset + index) % 3 === 0 ? (["S"] as const) : [],
        padding: 400 + ((offset + index) % 11) * 150,
      })).map((message) => ({ ...message, flags: [...message.flags] })),
    );
  }
  log(`seeded ${LARGE} messages in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const rawFetch = async () => {
    const client = new ImapFlow({
      host: "127.0.0.1",
      port: dovecot.port,
      secure: false,
      auth: { user, pass: "bench" },
      logger: false,
      qresync: true,
    });
    client.on("error", () => undefined);
    await client.connect();
    await client.mailboxOpen("INBOX", { readOnly: true });
    const start = process.hrtime.bigint();
    let count = 0;
    for await (const message of client.fetch(
      "1:*",
      { uid: true, flags: true, size: true, internalDate: true, envelope: true },
      { uid: true },
    )) {
      if (message.uid) count += 1;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await client.logout();
    return { count, rate: count / seconds, seconds };
  };
  await rawFetch(); // Dovecot builds its cache on the first fetch; both measurements get a warm server.
  const raw = await rawFetch();
  log(
    `raw imapflow UID FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE): ${raw.count} messages in ${raw.seconds.toFixed(2)} s = ${Math.round(raw.rate)} msg/s`,
  );

  const owner = await createUser(db);
  const large = await createImapMailbox(db, owner.id, { port: dovecot.port, user, password: "bench" });
  // The child runs like a worker syncing one mailbox at a time, with a worker's heap settings.
  const child = fork("scripts/bench/sync-child.ts", [String(large.id)], {
    execArgv: [...workerNodeFlags(1), ...TS_ENTRY_FLAGS],
    env: process.env,
  });
  const results = await new Promise<Record<string, number>>((resolve, reject) => {
    child.on("message", async (message: { kind: string } & Record<string, number>) => {
      if (message.kind === "ready-for-delta") {
        // 1% of the messages get a flag from another client.
        const uids = Array.from({ length: LARGE / 100 }, (_, index) => index * 100 + 7).join(",");
        await dovecot.doveadm(["flags", "add", "-u", user, "\\Flagged", "mailbox", "INBOX", "uid", uids]);
        child.send("go");
      } else if (message.kind === "done") resolve(message);
    });
    child.on("exit", (code) => (code ? reject(new Error(`sync child exited with ${code}`)) : undefined));
  });
  const initialRate = results.stored! / (results.initialMs! / 1000);
  log(
    `initial sync into PostgreSQL: ${results.stored} messages in ${(results.initialMs! / 1000).toFixed(2)} s = ${Math.round(initialRate)} msg/s (${round(initialRate / raw.rate)} of raw)`,
  );
  log(`worker peak RSS: ${round(results.maxRssMb!, 0)} MB`);
  log(`no-change re-sync (median of 15, after 3 warm-up runs): ${round(results.resyncMs!)} ms`);
  log(`re-sync after 1% of flags changed: ${round(results.deltaMs!)} ms (${results.flagged} messages now flagged)`);

  // ── 1,000 small mailboxes, 2 worker processes ──
  const passStart0 = Date.now();
  const ids: number[] = [];
  for (let index = 0; index < SMALL_MAILBOXES; index += 1) {
    const login = `small${index}@bench.test`;
    await dovecot.seed(
      login,
      "INBOX",
      Array.from({ length: 20 }, (_, n) => ({ subject: `Hello ${n}`, flags: n % 2 ? ["S" as const] : [] })),
    );
    ids.push((await createImapMailbox(db, owner.id, { port: dovecot.port, user: login, password: "bench" })).id);
  }
  await dovecot.addUsers(Array.from({ length: SMALL_MAILBOXES }, (_, index) => [`small${index}@bench.test`, "bench"]));
  log(`prepared ${SMALL_MAILBOXES} small mailboxes in ${((Date.now() - passStart0) / 1000).toFixed(1)} s`);
  const { requestSync } = await import("../../lib/jobs/sync-queue.ts");
  const { stopBoss } = await import("../../lib/jobs/boss.ts");
  const workers = [0, 1].map(() =>
    spawnWorker({ ...process.env, MAIL_HOST_CONCURRENCY: "16" }, { concurrency: 8, stdio: "ignore" }),
  );
  const pass = async () => {
    const start = new Date();
    await requestSync(db, ids, { manual: false });
    for (;;) {
      const done = await db.mailbox.count({ where: { id: { in: ids }, lastSyncAt: { gte: start } } });
      if (done === ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (Date.now() - start.getTime()) / 1000;
  };
  const first = await pass();
  log(`1,000 mailboxes, first sync: ${first.toFixed(1)} s`);
  const second = await pass();
  const failed = await db.mailbox.count({ where: { id: { in: ids }, status: { not: "OK" } } });
  log(`1,000 mailboxes, full no-change pass with 2 workers: ${second.toFixed(1)} s (${failed} not OK)`);
  for (const worker of workers) worker.kill("SIGTERM");
  await stopBoss();

  log(
    `bench:sync ratio=${round(initialRate / raw.rate)} rss_mb=${round(results.maxRssMb!, 0)} resync_ms=${round(results.resyncMs!)} delta_ms=${round(results.deltaMs!)} pass1000_s=${second.toFixed(1)}`,
  );
} finally {
  await disconnectDb();
  await dovecot.stop();
  await database.stop();
}
