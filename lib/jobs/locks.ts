// Session-level advisory locks on a connection of their own: held while a sync runs, released
// by PostgreSQL the moment the connection ends — also when a worker is killed mid-sync.
import pg from "pg";

const MAILBOX_LOCK = 0x4d42; // "MB"

export class LockSession {
  /** Aborted when the connection ends: from then on the locks are no longer ours. */
  private readonly lost = new AbortController();

  private constructor(private readonly client: pg.Client) {}

  static async open(connectionString: string): Promise<LockSession> {
    const client = new pg.Client({ connectionString, application_name: "mailbox-console-lock" });
    const session = new LockSession(client);
    // A database restart ends this connection, and PostgreSQL releases its locks with it.
    client.on("error", () => session.lost.abort());
    client.on("end", () => session.lost.abort());
    await client.connect();
    return session;
  }

  /** Work done under these locks stops when this aborts. */
  get signal(): AbortSignal {
    return this.lost.signal;
  }

  private async tryLock(classId: number, objectId: number): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1::int, $2::int) AS locked",
      [classId, objectId],
    );
    return rows[0]!.locked;
  }

  /** Only one sync of a mailbox at a time, across every worker. */
  lockMailbox(mailboxId: number): Promise<boolean> {
    return this.tryLock(MAILBOX_LOCK, mailboxId);
  }

  /** One of `slots` connection slots for a mail server, or null when all are taken. */
  async takeHostSlot(host: string, slots: number): Promise<number | null> {
    const { rows } = await this.client.query<{ key: number }>("SELECT hashtext($1) AS key", [
      `mailhost:${host.toLowerCase()}`,
    ]);
    for (let slot = 0; slot < slots; slot += 1) {
      if (await this.tryLock(rows[0]!.key, slot)) return slot;
    }
    return null;
  }

  async close() {
    await this.client.end().catch(() => undefined);
  }
}
