// Where the database is: DATABASE_URL when set, otherwise the embedded server under .data/.
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-postgres.ts";

/** Where the embedded database and generated secrets live; CONSOLE_DATA_DIR lets tests use their own. */
export const DATA_DIR = path.resolve(process.env.CONSOLE_DATA_DIR ?? ".data");
const EMBEDDED_DATABASE = "console";

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** The embedded server's data directory (outside the checkout when the postgres user cannot reach it). */
  dataDir?: string;
  stop(): Promise<void>;
}

export async function openDatabase(
  log: (line: string) => void = () => {},
  notice: (line: string) => void = console.log,
): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    preferredPort: Number(process.env.CONSOLE_DB_PORT ?? 54329),
    log,
    notice,
  });
  await ensureDatabase(server.url("postgres"), EMBEDDED_DATABASE);
  return { url: server.url(EMBEDDED_DATABASE), embedded: true, dataDir: server.dataDir, stop: () => server.stop() };
}
