// Direct queries against the end-to-end database, to check what the UI shows against the data.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { reachableDir } from "../../scripts/lib/runtime-paths.ts";

/** The port the end-to-end PostgreSQL listens on (127.0.0.1). */
export function e2eDatabasePort(): number {
  // The server's real data directory: outside the checkout when the postgres user cannot reach it.
  const dataDir = reachableDir(".data/e2e/postgres");
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
}

export async function e2eQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const port = e2eDatabasePort();
  const password = readFileSync(".data/e2e/postgres.password", "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password,
    database: "console",
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
