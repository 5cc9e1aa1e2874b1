// Vitest global setup: one embedded PostgreSQL for the run, with a migrated template database
// that every test file clones (CREATE DATABASE … TEMPLATE), so files never share rows.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.ts";
import { applyMigrations } from "../../scripts/lib/migrations.ts";
import { reachableDir } from "../../scripts/lib/runtime-paths.ts";

export const TEMPLATE_DATABASE = "console_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  // TEST_POSTGRES_DIR lets two test runs (e.g. two checkouts or agents) use separate clusters.
  const dataDir = path.resolve(process.env.TEST_POSTGRES_DIR ?? ".data/test-postgres");
  // A fresh cluster each run, also where root's checkout keeps it outside (see reachableDir).
  if (!external)
    for (const dir of new Set([dataDir, reachableDir(dataDir, "throwaway")]))
      rmSync(dir, { recursive: true, force: true });
  const server = external ? null : await startEmbeddedPostgres({ dataDir, fast: true });
  const adminUrl = external ?? server!.url("postgres");

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  const templateUrl = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${TEMPLATE_DATABASE}$1`);
  await applyMigrations(templateUrl);

  project.provide("postgresAdminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await server?.stop();
  };
}
