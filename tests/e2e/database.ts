// Direct queries against the end-to-end database, to check what the UI shows against the data.
import { readFileSync } from "node:fs";
import pg from "pg";

export async function e2eQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const port = readFileSync(".data/e2e/postgres/postmaster.pid", "utf8").split("\n")[3];
  const password = readFileSync(".data/e2e/postgres.password", "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(port),
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
