// Shared pieces of the benchmark scripts: a database of their own, timing and percentiles.
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../lib/embedded-postgres.ts";
import { applyMigrations } from "../lib/migrations.ts";

/** A fresh, migrated database on a dedicated embedded server (or BENCH_DATABASE_ADMIN_URL). */
export async function benchDatabase(name: string) {
  const external = process.env.BENCH_DATABASE_ADMIN_URL;
  const server = external ? null : await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-postgres") });
  const adminUrl = external ?? server!.url("postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, name);
  const url = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  await applyMigrations(url);
  return { url, stop: async () => server?.stop() };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

/** Inserts rows column-wise with unnest(), thousands per statement. */
export async function bulkInsert(
  client: pg.Client,
  table: string,
  columns: Record<string, { type: string; values: unknown[] }>,
) {
  const names = Object.keys(columns);
  const total = columns[names[0]!]!.values.length;
  const chunk = 5000;
  for (let start = 0; start < total; start += chunk) {
    const params = names.map((name) => columns[name]!.values.slice(start, start + chunk));
    const selects = names.map((name, index) => `$${index + 1}::${columns[name]!.type}[]`).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) SELECT * FROM unnest(${selects})`,
      params,
    );
  }
}
