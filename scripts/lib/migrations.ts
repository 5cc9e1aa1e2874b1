// Migration runner on @prisma/schema-engine-wasm: the Prisma CLI needs a native engine binary
// that cannot be downloaded here, the WebAssembly build of the same engine needs nothing.
// The layout stays the standard prisma/migrations one, so `prisma migrate deploy` also works
// wherever the binary is available. See ../shared/DESIGN.md §2 for the traps avoided here.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
/** The schema the newest migration was generated from; the next migration is the diff to it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = Awaited<ReturnType<Bindings["SchemaEngine"]["new"]>>;

let bindings: Promise<Bindings> | undefined;

/**
 * The package's entry imports its .wasm file as an ES module, which Node 20 only allows behind
 * --experimental-wasm-modules. Instantiating the same file by hand needs no flag in any process
 * (start script, tests, Vitest's workers).
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = gluePath.replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmPath), { "./schema_engine_bg.js": glue });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start(): void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return glue;
  })();
  return bindings;
}

async function withEngine<T>(databaseUrl: string, schemaText: string, run: (engine: Engine) => Promise<T>) {
  const { SchemaEngine } = await loadBindings();
  const logs: string[] = [];
  // The engine opens connections through the factory but never closes them; track and close
  // them, or the database stays "in use" (a template database could not be cloned, say).
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const track = async <A extends { dispose(): Promise<void>; executeScript(script: string): Promise<void> }>(
    adapter: Promise<A>,
  ) => {
    const connected = wholeScripts(await adapter);
    opened.push(connected);
    return connected;
  };
  const tracking: typeof factory = Object.assign(Object.create(factory), {
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  });
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await run(engine);
  } catch (error) {
    throw new Error(`schema engine: ${describeEngineError(error)}`);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * adapter-pg's executeScript splits a migration at every ";", also inside a function body
 * ($$ … $$), which PostgreSQL then reads as an unterminated string (migration call_log_speed has
 * triggers). The native engine sends a migration whole, and so does this: one simple-protocol
 * query, whose statements PostgreSQL runs as one implicit transaction — all of it or nothing.
 */
function wholeScripts<A extends { executeScript(script: string): Promise<void> }>(adapter: A): A {
  const client = (adapter as unknown as { client?: { query(text: string): Promise<unknown> } }).client;
  if (typeof client?.query !== "function") return adapter;
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      const failure = error as { message?: string; code?: string; severity?: string; detail?: string; hint?: string };
      // The shape the engine's adapter binding reads as a database error (not a generic JS one).
      throw Object.assign(new Error(failure.message ?? String(error)), {
        name: "DriverAdapterError",
        cause: {
          kind: "postgres",
          code: failure.code ?? "",
          severity: failure.severity ?? "ERROR",
          message: failure.message ?? String(error),
          detail: failure.detail,
          column: undefined,
          hint: failure.hint,
        },
      });
    }
  };
  return adapter;
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return JSON.stringify(error);
}

async function listMigrations() {
  if (!existsSync(MIGRATIONS_DIR)) return { lock: null, directories: [] };
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const directories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await fs.readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  const lock = existsSync(lockPath) ? await fs.readFile(lockPath, "utf8") : null;
  return { lock, directories };
}

/** Applies pending migrations; returns the names applied (empty when up to date). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { lock, directories } = await listMigrations();
  const schemaText = await fs.readFile(SCHEMA_PATH, "utf8");
  return withEngine(databaseUrl, schemaText, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: MIGRATIONS_DIR,
        lockfile: { path: LOCKFILE, content: lock },
        shadowDbInitScript: "",
        migrationDirectories: directories,
      },
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  });
}

/** SQL that turns the last migrated schema into the current one; empty when nothing changed. */
export async function pendingSchemaSql(databaseUrl: string): Promise<string> {
  const current = await fs.readFile(SCHEMA_PATH, "utf8");
  const previous = existsSync(SNAPSHOT_PATH) ? await fs.readFile(SNAPSHOT_PATH, "utf8") : null;
  return withEngine(databaseUrl, current, async (engine) => {
    const result = await engine.diff({
      from:
        previous === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previous }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  });
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql and refreshes the snapshot. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaSql(databaseUrl);
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "migration.sql"), sql);
  await fs.copyFile(SCHEMA_PATH, SNAPSHOT_PATH);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    await fs.writeFile(lockPath, '# Please do not edit this file manually\nprovider = "postgresql"\n');
  }
  return dir;
}
