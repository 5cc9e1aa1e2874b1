// One sync of one mailbox: connect, reconcile the folder list, sync every folder, update the
// counters the grid shows, and record the outcome (OK, ERROR with backoff, NEEDS_PASSWORD).
// A sync with nothing to do costs three queries: claim, folder states, result.
import { bulkPool, type Database, isDatabaseUnavailable } from "../../db.ts";
import { classifyMailError, MailError } from "../errors.ts";
import {
  connectImap,
  connectionError,
  createImapClient,
  DEFAULT_IMAP_TIMEOUTS,
  type ImapTimeouts,
} from "../imap-client.ts";
import { type OutboundPolicy, resolveEndpoint } from "../outbound.ts";
import { serverSettingsOf, serverSettingsSelect } from "../settings.ts";
import { type FolderOutcome, type ServerFolderStatus, type StoredFolder, syncFolder } from "./folder-sync.ts";
import { nextRegularSync, retryAfterFailure, SYNC_LEASE_MS } from "./schedule.ts";
import { Watchdog } from "./watchdog.ts";

export interface SyncOptions {
  manual?: boolean;
  windowSize?: number;
  timeouts?: ImapTimeouts;
  /** No sign of life for this long closes the connection. */
  stallMs?: number;
  /** Aborted when the sync must stop at once (its worker lost the mailbox's lock with the database). */
  signal?: AbortSignal;
  /** Where mail servers may be; the installation's MAIL_ALLOWED_NETWORKS policy by default. */
  outbound?: OutboundPolicy;
  /** After each committed window of new messages (the CRM hook, lib/jobs/crm-queue.ts). */
  onNewMessages?: () => void;
}

/** After the database was unreachable, the sync is tried again this soon; its cursor resumes it. */
const DATABASE_RETRY_MS = 10_000;

export interface SyncReport {
  ok: boolean;
  error?: { code: string; message: string };
  folders: Record<string, FolderOutcome>;
}

// Unread counts leave out deleted and junk mail: that is what a person calls "unread".
const NOT_UNREAD = new Set(["\\Trash", "\\Junk"]);
const STATUS_QUERY = {
  messages: true,
  unseen: true,
  uidNext: true,
  uidValidity: true,
  highestModseq: true,
  size: true,
} as const;

const folderStateSelect = {
  id: true,
  path: true,
  name: true,
  delimiter: true,
  specialUse: true,
  uidValidity: true,
  uidNext: true,
  highestModseq: true,
  syncFromUid: true,
  lastSyncedUid: true,
  fullSyncTargetUid: true,
  uidValidityResets: true,
  messages: true,
  unseen: true,
  sizeBytes: true,
  lastFlagRescanAt: true,
} as const;

export async function syncMailbox(db: Database, mailboxId: number, options: SyncOptions = {}): Promise<SyncReport> {
  // Claim the mailbox (and its lease) and load everything the sync needs in one statement.
  const mailbox = await db.mailbox.update({
    where: { id: mailboxId },
    data: {
      syncState: "RUNNING",
      lastSyncStartedAt: new Date(),
      nextSyncAt: new Date(Date.now() + SYNC_LEASE_MS),
      syncProgress: 0,
    },
    select: {
      ...serverSettingsSelect,
      excludedFolders: true,
      syncPeriodDays: true,
      crmRouteToResponsible: true,
      consecutiveFailures: true,
      owner: { select: { lastActivityAt: true } },
      folders: { select: folderStateSelect },
    },
  });

  const vanished: number[] = [];
  let lastProgressWrite = 0;
  const report: SyncReport = { ok: false, folders: {} };
  let client: ReturnType<typeof createImapClient> | undefined;
  let watchdog: Watchdog | undefined;
  try {
    // Checked on every sync, not only when the mailbox was connected: what a name resolves to can change.
    const target = await resolveEndpoint(
      serverSettingsOf(mailbox).imap,
      options.outbound,
      (options.timeouts ?? DEFAULT_IMAP_TIMEOUTS).connectionMs,
    );
    client = createImapClient(target, {
      timeouts: options.timeouts,
      expungeHandler: (event) => {
        if (event.vanished && typeof event.uid === "number") vanished.push(event.uid);
      },
    });
    const connection = client;
    watchdog = new Watchdog(options.stallMs ?? 120_000, () => connection.close());
    options.signal?.addEventListener("abort", () => connection.close(), { once: true });
    await connectImap(client);
    watchdog.touch();

    const listed = await client.list({ statusQuery: STATUS_QUERY });
    watchdog.touch();
    const selectable = listed.filter(
      (folder) =>
        !folder.flags.has("\\Noselect") &&
        !folder.flags.has("\\NonExistent") &&
        !mailbox.excludedFolders.includes(folder.path) &&
        folder.status,
    );
    const listedPaths = new Set(selectable.map((folder) => folder.path));
    const gone = mailbox.folders.filter((folder) => !listedPaths.has(folder.path));
    if (gone.length > 0) await db.mailFolder.deleteMany({ where: { id: { in: gone.map((folder) => folder.id) } } });
    // INBOX first: it is what people look at.
    selectable.sort((a, b) => (a.path === "INBOX" ? -1 : b.path === "INBOX" ? 1 : a.path.localeCompare(b.path)));

    const totals = { messages: 0, unseen: 0, size: 0n };
    const sizeless: number[] = [];
    for (const [index, listedFolder] of selectable.entries()) {
      const known = mailbox.folders.find((folder) => folder.path === listedFolder.path);
      const meta: { name: string; delimiter: string | null; specialUse: string | null } = {
        name: listedFolder.name,
        delimiter: listedFolder.delimiter ?? null,
        specialUse: listedFolder.specialUse ?? null,
      };
      let folder: StoredFolder & typeof meta;
      if (!known)
        folder = await db.mailFolder.create({
          data: { mailboxId, path: listedFolder.path, ...meta },
          select: folderStateSelect,
        });
      else if (known.name !== meta.name || known.delimiter !== meta.delimiter || known.specialUse !== meta.specialUse) {
        folder = await db.mailFolder.update({ where: { id: known.id }, data: meta, select: folderStateSelect });
      } else folder = known;

      const status = listedFolder.status!;
      const serverStatus: ServerFolderStatus = {
        messages: status.messages ?? 0,
        unseen: status.unseen ?? 0,
        uidNext: typeof status.uidNext === "number" && status.uidNext > 0 ? status.uidNext : null,
        uidValidity: status.uidValidity ? BigInt(status.uidValidity) : null,
        highestModseq: status.highestModseq ?? null,
        size: typeof status.size === "number" ? status.size : null,
      };
      report.folders[folder.path] = await syncFolder(
        {
          db,
          pool: bulkPool(),
          client,
          syncPeriodDays: mailbox.syncPeriodDays,
          manual: options.manual ?? false,
          windowSize: options.windowSize ?? 10_000,
          vanished,
          committed: options.onNewMessages,
          touch: () => watchdog?.touch(),
          progress: (fraction) => {
            watchdog?.touch();
            if (Date.now() - lastProgressWrite < 1000) return;
            lastProgressWrite = Date.now();
            const percent = Math.round(((index + Math.min(1, fraction)) / selectable.length) * 100);
            // The lease moves on with the work, so a long first sync is not mistaken for a dead one.
            void db.mailbox
              .update({
                where: { id: mailboxId },
                data: { syncProgress: percent, nextSyncAt: new Date(Date.now() + SYNC_LEASE_MS) },
              })
              .catch(() => undefined);
          },
        },
        folder,
        serverStatus,
      );
      totals.messages += serverStatus.messages;
      if (!NOT_UNREAD.has(folder.specialUse ?? "")) totals.unseen += serverStatus.unseen;
      if (serverStatus.size === null) sizeless.push(folder.id);
      else totals.size += BigInt(serverStatus.size);
    }

    // Disk usage from STATUS=SIZE; a folder on a server without it stored the sum of the sizes we hold.
    if (sizeless.length > 0) {
      const measured = await db.mailFolder.aggregate({ where: { id: { in: sizeless } }, _sum: { sizeBytes: true } });
      totals.size += measured._sum.sizeBytes ?? 0n;
    }
    const now = new Date();
    await db.mailbox.update({
      where: { id: mailboxId },
      data: {
        status: "OK",
        syncState: "IDLE",
        syncProgress: null,
        lastSyncAt: now,
        lastError: null,
        lastErrorCode: null,
        consecutiveFailures: 0,
        messageCount: totals.messages,
        unreadCount: totals.unseen,
        diskBytes: totals.size,
        nextSyncAt: nextRegularSync(now, mailbox.owner, mailbox.crmRouteToResponsible),
      },
    });
    void client.logout().catch(() => undefined);
    report.ok = true;
    return report;
  } catch (error) {
    if (options.signal?.aborted || isDatabaseUnavailable(error)) {
      // The database went away mid-sync (or took our lock with it). The mail server did nothing
      // wrong: no failure is counted. Whatever was committed stays, the cursor resumes the rest,
      // and if this write cannot land either, the worker's sweep requeues the mailbox.
      client?.close();
      await db.mailbox
        .update({
          where: { id: mailboxId },
          data: { syncState: "IDLE", syncProgress: null, nextSyncAt: new Date(Date.now() + DATABASE_RETRY_MS) },
        })
        .catch(() => undefined);
      report.error = { code: "DATABASE_UNAVAILABLE", message: "the database was unreachable during the sync" };
      return report;
    }
    const socketError = client ? connectionError(client) : undefined;
    const failure = watchdog?.fired
      ? new MailError("TIMEOUT", "no response from the server (watchdog)")
      : classifyMailError(socketError && classifyMailError(error).code === "CONNECTION_LOST" ? socketError : error);
    client?.close();
    const now = new Date();
    const failures = mailbox.consecutiveFailures + 1;
    await db.mailbox.update({
      where: { id: mailboxId },
      data: {
        status: failure.code === "AUTH_FAILED" ? "NEEDS_PASSWORD" : "ERROR",
        syncState: "IDLE",
        syncProgress: null,
        lastError: failure.message,
        lastErrorCode: failure.code,
        lastErrorAt: now,
        consecutiveFailures: failures,
        // A rejected password is not retried: that would only lock the account on the server.
        nextSyncAt: failure.retryable ? retryAfterFailure(now, failures) : null,
      },
    });
    report.error = { code: failure.code, message: failure.message };
    return report;
  } finally {
    watchdog?.stop();
  }
}
