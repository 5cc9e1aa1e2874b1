// The one Prisma client (DESIGN §7.2). Secrets are omitted from every query unless a caller
// explicitly selects them, so they cannot slip into a page or an API response by accident.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

/**
 * A pool's idle connection that the server drops (a restart, a failover, pg_terminate_backend)
 * emits 'error' on the pool; without a listener Node ends the process. The pool discards that
 * connection and opens a new one on the next query, so one line in the log is all it takes.
 */
function logPoolError(pool: string) {
  let last = 0;
  return (error: Error) => {
    if (Date.now() - last < 5_000) return; // a restart drops every connection at once: say it once
    last = Date.now();
    console.error(`[db] ${pool}: connection lost (${error.message}); reconnecting on the next query`);
  };
}

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: env().DATABASE_URL, max: 10 },
      { onPoolError: logPoolError("prisma pool") },
    ),
    omit: {
      user: { passwordHash: true },
      mailbox: { imapPasswordEnc: true, smtpPasswordEnc: true },
      sipConnection: { passwordEnc: true },
    },
  });
}

export type Database = ReturnType<typeof createClient>;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
/** Either the client or a transaction: what domain functions take, so callers can compose them atomically. */
export type Db = Database | Transaction;

const globalForDb = globalThis as unknown as { database?: Database; bulkPool?: pg.Pool };

function client(): Database {
  globalForDb.database ??= createClient();
  return globalForDb.database;
}

// Created on first use: importing this module (as `next build` does) must not need a database.
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * A plain pg pool for the sync's bulk statements only (message windows, flag diffs, UID lists).
 * Their parameters run to megabytes, and Prisma's query path copies such parameters several
 * times over (measured: 138 MB heap for ten 10,000-row windows, 57 MB through pg directly).
 */
export function bulkPool(): pg.Pool {
  if (!globalForDb.bulkPool) {
    const pool = new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 4,
      application_name: "mailbox-console-sync",
    });
    pool.on("error", logPoolError("bulk pool"));
    globalForDb.bulkPool = pool;
  }
  return globalForDb.bulkPool;
}

const PRISMA_ERRORS = /^(PrismaClient\w*Error|DriverAdapterError)$/;
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable|terminating connection|Can't reach database|database system is (starting up|shutting down|in recovery)|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET/i;

function databasePort(): number {
  const url = new URL(env().DATABASE_URL);
  return Number(url.port || 5432);
}

/**
 * Whether an error came from the database being unreachable (down, restarting, failing over)
 * rather than from the data: such work is retried soon, and it is nobody's fault on the mail side.
 * Socket errors count only when they name the database's port, so a mail server's reset does not.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const value = error as { name?: string; message?: string; code?: string; port?: number; cause?: unknown };
  if (value instanceof pg.DatabaseError) return /^(57P0[1-3]|08...)$/.test(value.code ?? "");
  if (value.name && PRISMA_ERRORS.test(value.name)) {
    if (/^P10(01|02|08|17)$/.test(value.code ?? "") || LOST_CONNECTION.test(value.message ?? "")) return true;
  } else if (value.code === "ECONNREFUSED" || value.code === "ECONNRESET") {
    return value.port === databasePort();
  } else if (/Connection terminated|not queryable|timeout exceeded when trying to connect/.test(value.message ?? "")) {
    return true;
  }
  return isDatabaseUnavailable(value.cause, depth + 1);
}

export async function disconnectDb() {
  if (globalForDb.database) {
    await globalForDb.database.$disconnect();
    globalForDb.database = undefined;
  }
  if (globalForDb.bulkPool) {
    await globalForDb.bulkPool.end();
    globalForDb.bulkPool = undefined;
  }
}
