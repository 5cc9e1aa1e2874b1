// One sync of one mailbox: connect, reconcile the folder list, sync every folder, update the
// counters the grid shows, and record the outcome (OK, ERROR with backoff, NEEDS_PASSWORD).
import type { Database } from "../../db.ts";
import { classifyMailError, MailError } from "../errors.ts";
import { connectImap, connectionError, createImapClient, type ImapTimeouts } from "../imap-client.ts";
import { loadServerSettings } from "../settings.ts";
import { type FolderOutcome, type ServerFolderStatus, syncFolder } from "./folder-sync.ts";
import { nextRegularSync, retryAfterFailure, SYNC_LEASE_MS } from "./schedule.ts";
import { Watchdog } from "./watchdog.ts";

export interface SyncOptions {
  manual?: boolean;
  windowSize?: number;
  timeouts?: ImapTimeouts;
  /** No sign of life for this long closes the connection. */
  stallMs?: number;
}

export interface SyncReport {
  ok: boolean;
  error?: { code: string; message: string };
  folders: Record<string, FolderOutcome>;
}

// Unread counts leave out deleted and junk mail: that is what a person calls "unread".
const NOT_UNREAD = new Set(["\\Trash", "\\Junk"]);

export async function syncMailbox(db: Database, mailboxId: number, options: SyncOptions = {}): Promise<SyncReport> {
  const mailbox = await db.mailbox.findUniqueOrThrow({
    where: { id: mailboxId },
    select: {
      id: true,
      excludedFolders: true,
      syncPeriodDays: true,
      crmRouteToResponsible: true,
      consecutiveFailures: true,
      owner: { select: { lastActivityAt: true } },
    },
  });
  await db.mailbox.update({
    where: { id: mailboxId },
    data: {
      syncState: "RUNNING",
      lastSyncStartedAt: new Date(),
      nextSyncAt: new Date(Date.now() + SYNC_LEASE_MS),
      syncProgress: 0,
    },
  });

  const vanished: number[] = [];
  let lastProgressWrite = 0;
  const report: SyncReport = { ok: false, folders: {} };
  let client: ReturnType<typeof createImapClient> | undefined;
  let watchdog: Watchdog | undefined;
  try {
    const settings = await loadServerSettings(db, mailboxId);
    client = createImapClient(settings.imap, {
      timeouts: options.timeouts,
      expungeHandler: (event) => {
        if (event.vanished && typeof event.uid === "number") vanished.push(event.uid);
      },
    });
    const connection = client;
    watchdog = new Watchdog(options.stallMs ?? 120_000, () => connection.close());
    await connectImap(client);
    watchdog.touch();

    const listed = await client.list({
      statusQuery: { messages: true, unseen: true, uidNext: true, uidValidity: true, highestModseq: true, size: true },
    });
    watchdog.touch();
    const selectable = listed.filter(
      (folder) =>
        !folder.flags.has("\\Noselect") &&
        !folder.flags.has("\\NonExistent") &&
        !mailbox.excludedFolders.includes(folder.path) &&
        folder.status,
    );
    await db.mailFolder.deleteMany({ where: { mailboxId, path: { notIn: selectable.map((folder) => folder.path) } } });
    // INBOX first: it is what people look at.
    selectable.sort((a, b) => (a.path === "INBOX" ? -1 : b.path === "INBOX" ? 1 : a.path.localeCompare(b.path)));

    for (const [index, listedFolder] of selectable.entries()) {
      const folder = await db.mailFolder.upsert({
        where: { mailboxId_path: { mailboxId, path: listedFolder.path } },
        create: {
          mailboxId,
          path: listedFolder.path,
          name: listedFolder.name,
          delimiter: listedFolder.delimiter,
          specialUse: listedFolder.specialUse ?? null,
        },
        update: {
          name: listedFolder.name,
          delimiter: listedFolder.delimiter,
          specialUse: listedFolder.specialUse ?? null,
        },
      });
      const status = listedFolder.status!;
      const serverStatus: ServerFolderStatus = {
        messages: status.messages ?? 0,
        unseen: status.unseen ?? 0,
        uidNext: status.uidNext ?? 1,
        uidValidity: BigInt(status.uidValidity ?? 0),
        highestModseq: status.highestModseq ?? null,
        size: typeof status.size === "number" ? status.size : null,
      };
      report.folders[folder.path] = await syncFolder(
        {
          db,
          client,
          syncPeriodDays: mailbox.syncPeriodDays,
          manual: options.manual ?? false,
          windowSize: options.windowSize ?? 10_000,
          vanished,
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
    }

    const folders = await db.mailFolder.findMany({
      where: { mailboxId },
      select: { messages: true, unseen: true, sizeBytes: true, specialUse: true, id: true },
    });
    // Disk usage from STATUS SIZE; a server without it is measured by the sizes we hold.
    const sizeless = folders
      .filter((folder) => folder.sizeBytes === 0n && folder.messages > 0)
      .map((folder) => folder.id);
    const measured = sizeless.length
      ? await db.mailMessage.aggregate({ where: { folderId: { in: sizeless } }, _sum: { size: true } })
      : { _sum: { size: 0 } };
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
        messageCount: folders.reduce((sum, folder) => sum + folder.messages, 0),
        unreadCount: folders.reduce(
          (sum, folder) => sum + (NOT_UNREAD.has(folder.specialUse ?? "") ? 0 : folder.unseen),
          0,
        ),
        diskBytes: folders.reduce((sum, folder) => sum + folder.sizeBytes, 0n) + BigInt(measured._sum.size ?? 0),
        nextSyncAt: nextRegularSync(now, mailbox.owner, mailbox.crmRouteToResponsible),
      },
    });
    await client.logout().catch(() => undefined);
    report.ok = true;
    return report;
  } catch (error) {
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
