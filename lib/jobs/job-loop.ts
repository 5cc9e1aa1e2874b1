// The fetch loop both workers share: take up to `concurrency` jobs of one queue from pg-boss, run
// them side by side, and stop only after the ones running have finished.
import { getBoss } from "./boss.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function runJobLoop<T extends object>(
  queue: string,
  options: { concurrency: number; pollMs?: number },
  runJob: (job: { id: string; data: T }) => Promise<void>,
) {
  const running = new Set<Promise<void>>();
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      const free = options.concurrency - running.size;
      if (free <= 0) {
        await Promise.race(running);
        continue;
      }
      // While the database is away, fetching fails: wait and ask again, it comes back by itself.
      const jobs = await getBoss("worker")
        .then((boss) => boss.fetch<T>(queue, { batchSize: free }))
        .catch(() => null);
      for (const job of jobs ?? []) {
        const task = runJob(job).finally(() => running.delete(task));
        running.add(task);
      }
      if (!jobs || jobs.length === 0) await sleep(jobs ? (options.pollMs ?? 500) : 2_000);
    }
    await Promise.allSettled(running);
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
    },
  };
}
