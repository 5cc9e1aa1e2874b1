// Extra databases for tests that need more than the per-file one (migrations, determinism).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database: empty, or cloned from the migrated template. */
export async function createScratchDatabase(kind: "empty" | "migrated"): Promise<ScratchDatabase> {
  const name = `scratch_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}${kind === "migrated" ? ` TEMPLATE ${inject("templateDatabase")}` : ""}`);
  return {
    url: inject("postgresAdminUrl").replace(/\/[^/?]+(\?|$)/, `/${name}$1`),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
