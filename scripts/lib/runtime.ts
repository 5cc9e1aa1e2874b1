// Everything the console needs before its processes start: secrets (generated under .data/ on
// first start when not given), the database (embedded unless DATABASE_URL is set), migrations.

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { DATA_DIR, type DatabaseHandle, openDatabase } from "./database.ts";
import { applyMigrations } from "./migrations.ts";

async function fileSecret(name: string, create: () => string): Promise<string> {
  const file = path.join(DATA_DIR, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = create();
  await fs.mkdir(DATA_DIR, { recursive: true });
  await fs.writeFile(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export interface Runtime {
  database: DatabaseHandle;
  /** Variables to hand to the web and worker processes. */
  env: Record<string, string>;
}

export async function prepareRuntime(log: (line: string) => void = console.log): Promise<Runtime> {
  const env: Record<string, string> = {};
  env.AUTH_SECRET =
    process.env.AUTH_SECRET ?? (await fileSecret("auth-secret", () => randomBytes(32).toString("base64url")));
  if (!process.env.MAIL_SECRET_KEYS) {
    env.MAIL_SECRET_KEYS = await fileSecret("mail-secret-keys", () => `k1:${randomBytes(32).toString("base64")}`);
  }
  const database = await openDatabase((line) => {
    if (/FATAL|PANIC|ERROR/.test(line)) log(`[postgres] ${line}`);
  }, log);
  if (!database.embedded) log("database: DATABASE_URL");
  else if (database.dataDir === path.join(DATA_DIR, "postgres"))
    log(`database: embedded PostgreSQL (${database.dataDir})`);
  else
    log(
      `database: embedded PostgreSQL in ${database.dataDir} — the postgres user cannot reach ${DATA_DIR}, so its data and binaries live there`,
    );
  env.DATABASE_URL = database.url;
  // Call recordings (lib/telephony/storage): beside the database unless RECORDINGS_DIR says otherwise.
  env.RECORDINGS_DIR = process.env.RECORDINGS_DIR || path.resolve(DATA_DIR, "recordings");
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) log(`migrations applied: ${applied.join(", ")}`);
  Object.assign(process.env, env);
  return { database, env };
}
