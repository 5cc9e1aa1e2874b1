// How a sync worker process is started (by `npm start`, the benchmarks and the tests alike).
import { type ChildProcess, spawn } from "node:child_process";

/** Node flags that run a TypeScript entry point of this repository (see scripts/lib/register.mjs). */
export const TS_ENTRY_FLAGS = ["--import", "./scripts/lib/register.mjs"];

/**
 * V8 heap for a worker: the base (Prisma client, imapflow, pg-boss) plus room for each concurrent
 * sync's fetch window — a 10,000-message window peaks at about 60 MB live. Without a limit V8
 * lets garbage pile up to several times that before collecting.
 */
export function workerNodeFlags(concurrency: number): string[] {
  return [`--max-old-space-size=${96 + 64 * concurrency}`, "--max-semi-space-size=8"];
}

export function spawnWorker(
  env: NodeJS.ProcessEnv,
  options: { concurrency: number; stdio?: "inherit" | "ignore" | "pipe" },
): ChildProcess {
  return spawn(process.execPath, [...workerNodeFlags(options.concurrency), ...TS_ENTRY_FLAGS, "scripts/worker.ts"], {
    env: { ...env, SYNC_CONCURRENCY: String(options.concurrency) },
    stdio: options.stdio ?? "inherit",
  });
}
