import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../../tests/databases.ts";
import { applyMigrations, pendingSchemaSql, SCHEMA_PATH, SNAPSHOT_PATH } from "./migrations.ts";

describe("migration runner (schema-engine-wasm)", () => {
  const scratch: ScratchDatabase[] = [];
  afterAll(async () => {
    for (const database of scratch) await database.drop();
  });

  it("applies every migration to an empty database, then nothing the second time", async () => {
    const database = await createScratchDatabase("empty");
    scratch.push(database);
    const first = await applyMigrations(database.url);
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toMatch(/_init$/);
    expect(await applyMigrations(database.url)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    const history = await client.query('SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY 1');
    await client.end();
    const names = tables.rows.map((row) => row.tablename);
    expect(names).toEqual(
      expect.arrayContaining(["User", "Department", "Mailbox", "Role", "RoleAssignment", "AuditEvent"]),
    );
    expect(history.rows.map((row) => row.migration_name)).toEqual(first);
    expect(history.rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("has a migration for every change in schema.prisma", async () => {
    // The snapshot is the schema the newest migration was generated from.
    expect(readFileSync(SNAPSHOT_PATH, "utf8")).toBe(readFileSync(SCHEMA_PATH, "utf8"));
    const database = await createScratchDatabase("empty");
    scratch.push(database);
    expect(await pendingSchemaSql(database.url)).toBe("");
  });
});
