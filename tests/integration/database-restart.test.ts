// PostgreSQL restarts (or fails over) under a running web server and worker, in the middle of a
// sync. Both processes must stay up, answer cleanly while the database is away, and recover by
// themselves; the sync in flight fails, is retried, and ends with exactly the server's messages.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsCurrent, ensureBuild, NEXT_BIN } from "../../scripts/lib/build.ts";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import {
  type EmbeddedServer,
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
} from "../../scripts/lib/embedded-postgres.ts";
import { applyMigrations } from "../../scripts/lib/migrations.ts";
import { spawnWorker } from "../../scripts/lib/worker-process.ts";
import { createImapMailbox, createUser, storedSnapshot } from "../factories.ts";
import { waitFor } from "../fixtures/sync-faults.ts";

const USER = "restart@test.local";
const PASSWORD = "restart-secret";
const MESSAGES = 30_000;

function capture(child: ChildProcess) {
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return output;
}

describe("the database restarts under a running web server and worker", () => {
  let dir: string;
  let postgres: EmbeddedServer;
  let dovecot: Dovecot;
  let worker: ChildProcess;
  let web: ChildProcess;
  let workerOutput: string[];
  let webOutput: string[];
  let webUrl: string;
  let env: NodeJS.ProcessEnv;
  const startPostgres = (preferredPort?: number) =>
    startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), preferredPort, fast: true });
  const health = () =>
    fetch(`${webUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.status,
      () => 0,
    );

  beforeAll(async () => {
    // The same production build the end-to-end tests serve (npm test builds it first).
    if (!buildIsCurrent()) expect(await ensureBuild(process.env, () => undefined)).toBe(0);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "db-restart-"));
    await fs.chmod(dir, 0o755); // reachable by the postgres user, so nothing is relocated out of it
    postgres = await startPostgres();
    await ensureDatabase(postgres.url("postgres"), "console");
    await applyMigrations(postgres.url("console"));
    // This file's processes use this server, which the test stops and starts.
    process.env.DATABASE_URL = postgres.url("console");
    env = { ...process.env, WORKER_SCHEDULER_MS: "1000", SYNC_WINDOW_SIZE: "250" };

    dovecot = await Dovecot.start();
    await dovecot.addUser(USER, PASSWORD);
    for (let offset = 0; offset < MESSAGES; offset += 10_000)
      await dovecot.seed(
        USER,
        "INBOX",
        Array.from({ length: 10_000 }, (_, index) => ({ subject: `Restart ${offset + index}`, padding: 300 })),
      );

    worker = spawnWorker(env, { concurrency: 2, stdio: "pipe" });
    workerOutput = capture(worker);
    const port = await freePort();
    webUrl = `http://127.0.0.1:${port}`;
    web = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...env, NODE_ENV: "production" },
      stdio: "pipe",
    });
    webOutput = capture(web);
    await waitFor(async () => (await health()) === 200, 60_000);
  }, 600_000);

  afterAll(async () => {
    // What the two processes said, for a failure's report.
    if (process.env.DEBUG_RESTART) console.log(workerOutput.join(""), webOutput.join(""));
    const { stopBoss } = await import("../../lib/jobs/boss.ts");
    await stopBoss();
    for (const child of [web, worker]) child?.kill("SIGKILL");
    await dovecot?.stop();
    const { disconnectDb } = await import("../../lib/db.ts");
    await disconnectDb();
    await postgres?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("both stay up, answer 503 while it is down, recover, and the interrupted sync completes exactly", async () => {
    const { db } = await import("../../lib/db.ts");
    const { requestSync } = await import("../../lib/jobs/sync-queue.ts");
    const { stopBoss } = await import("../../lib/jobs/boss.ts");
    const owner = await createUser(db);
    const mailbox = await createImapMailbox(db, owner.id, { port: dovecot.port, user: USER, password: PASSWORD });
    await requestSync(db, [mailbox.id], { manual: true });
    await stopBoss();
    const inbox = () => db.mailFolder.findFirst({ where: { mailboxId: mailbox.id, path: "INBOX" } });
    await waitFor(async () => Number((await inbox())?.lastSyncedUid ?? 0) >= 2_000, 60_000);
    expect(Number((await inbox())!.lastSyncedUid)).toBeLessThan(MESSAGES); // still syncing

    const port = postgres.port;
    await postgres.stop();
    expect(await health()).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // the worker's tick and its failing sync
    expect(await health()).toBe(503);
    expect({ web: web.exitCode, worker: worker.exitCode }).toEqual({ web: null, worker: null });

    postgres = await startPostgres(port);
    expect(postgres.port).toBe(port);
    await waitFor(async () => (await health()) === 200, 60_000);
    await waitFor(async () => {
      const row = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
      return row.lastSyncAt !== null && row.syncState === "IDLE";
    }, 180_000);

    const synced = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id } });
    expect({ status: synced.status, failures: synced.consecutiveFailures, messages: synced.messageCount }).toEqual({
      status: "OK",
      failures: 0,
      messages: MESSAGES,
    });
    expect(await db.mailMessage.count({ where: { folder: { mailboxId: mailbox.id } } })).toBe(MESSAGES);
    expect(await storedSnapshot(db, mailbox.id)).toEqual(await dovecot.snapshot(USER, PASSWORD));
    expect({ web: web.exitCode, worker: worker.exitCode }).toEqual({ web: null, worker: null });
    const logs = [...workerOutput, ...webOutput].join("");
    expect(logs).not.toMatch(/Unhandled 'error' event|uncaughtException|FATAL ERROR/);
  }, 400_000);
});
