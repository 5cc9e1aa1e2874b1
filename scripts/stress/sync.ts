// npm run stress:sync — every fault scenario of lib/jobs/faults.test.ts, STRESS_RUNS times each
// (default 50) against a real Dovecot: cut connection, stall, SIGKILLed worker, server down, wrong
// password. Prints per scenario the runs, messages lost, messages doubled, wrong flags and the time
// to recover; the last line is `stress:sync runs=<n> lost=<n> duplicated=<n>` (totals).

import { benchDatabase, percentile, round } from "../bench/lib.ts";
import { Dovecot } from "../lib/dovecot.ts";

const RUNS = Number(process.env.STRESS_RUNS ?? 50);
const ONLY = process.env.STRESS_SCENARIOS?.split(",");
const log = (line: string) => console.log(line);

const dovecot = await Dovecot.start();
const database = await benchDatabase("stress_sync");
Object.assign(process.env, {
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "stress-auth-secret-0123456789",
  MAIL_SECRET_KEYS: process.env.MAIL_SECRET_KEYS ?? `s1:${Buffer.alloc(32, 5).toString("base64")}`,
  // Dovecot and the fault proxies in front of it, all on loopback at ports chosen as they start.
  MAIL_ALLOWED_NETWORKS: "127.0.0.1",
});
const { db, disconnectDb } = await import("../../lib/db.ts");
const { stopBoss } = await import("../../lib/jobs/boss.ts");
const { createUser } = await import("../../tests/factories.ts");
const { TcpProxy } = await import("../../tests/fixtures/tcp-proxy.ts");
const { lossAndDuplicates, scenarios } = await import("../../tests/fixtures/sync-faults.ts");
type Name = keyof typeof scenarios;

const proxy = await TcpProxy.start(dovecot.port);
const bench = { db, dovecot, proxy, ownerId: (await createUser(db)).id };
// The SIGKILL scenario syncs a smaller mailbox than the test (6,000 messages) to keep 50 runs short.
const plan: [Name, () => ReturnType<(typeof scenarios)[Name]>][] = [
  ["connectionCut", () => scenarios.connectionCut(bench)],
  ["serverStall", () => scenarios.serverStall(bench)],
  ["workerKilled", () => scenarios.workerKilled(bench, 6_000)],
  ["serverDown", () => scenarios.serverDown(bench)],
  ["wrongPassword", () => scenarios.wrongPassword(bench)],
];

const totals = { runs: 0, lost: 0, duplicated: 0 };
let failed = false;
try {
  log(`stress:sync — ${RUNS} runs per scenario against Dovecot on port ${dovecot.port}`);
  log(
    "scenario        runs  lost  duplicated  wrong_flags  not_recovered  recover_p50_ms  recover_p95_ms  recover_max_ms",
  );
  for (const [name, run] of plan) {
    if (ONLY && !ONLY.includes(name)) continue;
    const figures = { lost: 0, duplicated: 0, wrongFlags: 0, notRecovered: 0, recovery: [] as number[] };
    for (let index = 0; index < RUNS; index += 1) {
      const result = await run();
      const { lost, duplicated, wrongFlags } = await lossAndDuplicates(bench, result.box);
      figures.lost += lost;
      figures.duplicated += duplicated;
      figures.wrongFlags += wrongFlags;
      if (!result.recovered) figures.notRecovered += 1;
      figures.recovery.push(result.recoveryMs);
    }
    totals.runs += RUNS;
    totals.lost += figures.lost;
    totals.duplicated += figures.duplicated;
    if (figures.lost + figures.duplicated + figures.wrongFlags + figures.notRecovered > 0) failed = true;
    log(
      [
        name.padEnd(14),
        String(RUNS).padStart(5),
        String(figures.lost).padStart(5),
        String(figures.duplicated).padStart(11),
        String(figures.wrongFlags).padStart(12),
        String(figures.notRecovered).padStart(14),
        String(round(percentile(figures.recovery, 50), 0)).padStart(15),
        String(round(percentile(figures.recovery, 95), 0)).padStart(15),
        String(round(Math.max(...figures.recovery), 0)).padStart(15),
      ].join(" "),
    );
  }
} finally {
  await stopBoss();
  await proxy.stop();
  await dovecot.stop();
  await disconnectDb();
  await database.stop();
}
log(`stress:sync runs=${totals.runs} lost=${totals.lost} duplicated=${totals.duplicated}`);
process.exit(failed ? 1 : 0);
