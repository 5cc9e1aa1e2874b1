// One CRM run for one mailbox (SPEC §6): the messages stored since the folder's CRM cursor — or,
// when a backfill is owed, every message of the last N days on the server — read in batches, each
// batch committed with its processed marks (lib/crm/pipeline/commit.ts). Safe to run again, twice
// at once, or after a crash: whatever was committed is never done a second time.
import type { ImapFlow } from "imapflow";
import pg from "pg";
import { bulkPool, type Database } from "../../db.ts";
import { connectImap, createImapClient, DEFAULT_IMAP_TIMEOUTS, type ImapTimeouts } from "../../mail/imap-client.ts";
import { type OutboundPolicy, resolveEndpoint } from "../../mail/outbound.ts";
import { recordMoved } from "../../mail/reader/store.ts";
import { serverSettingsOf, serverSettingsSelect } from "../../mail/settings.ts";
import { type CommitOptions, type CursorStep, commitBatch, markFailed, moveCursors } from "./commit.ts";
import { FolderChanged, type FolderToRead, type MessageOnServer, moveBlacklisted, readMessages } from "./mail.ts";
import type { CrmSettings } from "./plan.ts";

export interface CrmRunOptions {
  /** Messages per transaction. */
  batchSize?: number;
  timeouts?: ImapTimeouts;
  outbound?: OutboundPolicy;
  now?: Date;
  /** Test hook, see CommitOptions. */
  fault?: CommitOptions["fault"];
}

export interface CrmRunReport {
  messages: number;
  leads: number;
  contacts: number;
  activities: number;
  blacklisted: number;
  alreadyDone: number;
  failed: number;
  backfilled: boolean;
}

const NOT_PROCESSED = new Set(["\\Junk", "\\Trash", "\\Drafts"]);
const DAY_MS = 86_400_000;

async function loadMailbox(db: Database, mailboxId: number) {
  return db.mailbox.findUnique({
    where: { id: mailboxId },
    select: {
      ...serverSettingsSelect,
      ownerId: true,
      crmEnabled: true,
      crmProcessDays: true,
      crmIncomingNewAction: true,
      crmOutgoingNewAction: true,
      crmRouteToResponsible: true,
      crmLeadForEveryFrom: true,
      crmSource: true,
      crmContactsFromVcards: true,
      sentFolder: true,
      spamFolder: true,
      trashFolder: true,
      blacklist: { select: { pattern: true } },
      crmQueue: { orderBy: { position: "asc" }, select: { user: { select: { id: true, kind: true, status: true } } } },
      crmState: { select: { backfillDays: true } },
      folders: {
        select: { id: true, path: true, specialUse: true, uidValidity: true, lastSyncedUid: true, crmUid: true },
        orderBy: { path: "asc" },
      },
    },
  });
}
type LoadedMailbox = NonNullable<Awaited<ReturnType<typeof loadMailbox>>>;

function settingsOf(mailbox: LoadedMailbox): CrmSettings {
  return {
    mailboxId: mailbox.id,
    ownerId: mailbox.ownerId,
    ownAddress: mailbox.email.toLowerCase(),
    incomingNew: mailbox.crmIncomingNewAction,
    outgoingNew: mailbox.crmOutgoingNewAction,
    routeToResponsible: mailbox.crmRouteToResponsible,
    leadForEveryFrom: mailbox.crmLeadForEveryFrom,
    source: mailbox.crmSource,
    vcards: mailbox.crmContactsFromVcards,
    blacklist: mailbox.blacklist.map((entry) => entry.pattern),
    // Deactivated people and (moved) extranet users get nothing new.
    queue: mailbox.crmQueue
      .map((member) => member.user)
      .filter((user) => user.kind === "EMPLOYEE" && user.status === "ACTIVE")
      .map((user) => user.id),
  };
}

function spamFolderOf(mailbox: LoadedMailbox): string {
  return mailbox.spamFolder ?? mailbox.folders.find((folder) => folder.specialUse === "\\Junk")?.path ?? "Junk";
}

function isProcessed(mailbox: LoadedMailbox, folder: LoadedMailbox["folders"][number]): boolean {
  if (NOT_PROCESSED.has(folder.specialUse ?? "")) return false;
  return (
    folder.path !== mailbox.spamFolder && folder.path !== mailbox.trashFolder && folder.path !== spamFolderOf(mailbox)
  );
}

/** PostgreSQL's data exceptions (22) and integrity violations (23): the same input fails again. */
function isDataError(error: unknown): boolean {
  return error instanceof pg.DatabaseError && /^2[23]/.test(error.code ?? "");
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

export async function processMailboxCrm(
  db: Database,
  mailboxId: number,
  options: CrmRunOptions = {},
): Promise<CrmRunReport> {
  const report: CrmRunReport = {
    messages: 0,
    leads: 0,
    contacts: 0,
    activities: 0,
    blacklisted: 0,
    alreadyDone: 0,
    failed: 0,
    backfilled: false,
  };
  const mailbox = await loadMailbox(db, mailboxId);
  if (!mailbox?.crmEnabled) return report;
  const pool = bulkPool();
  const settings = settingsOf(mailbox);
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - mailbox.crmProcessDays * DAY_MS);
  const backfillDays = mailbox.crmState?.backfillDays ?? null;
  const batchSize = options.batchSize ?? 500;
  const spamPath = spamFolderOf(mailbox);

  let client: ImapFlow | null = null;
  const imap = async () => {
    if (client) return client;
    const target = await resolveEndpoint(
      serverSettingsOf(mailbox).imap,
      options.outbound,
      (options.timeouts ?? DEFAULT_IMAP_TIMEOUTS).connectionMs,
    );
    client = await connectImap(createImapClient(target, { timeouts: options.timeouts }));
    return client;
  };

  async function commit(messages: MessageOnServer[], cursor?: CursorStep) {
    try {
      tally(await commitBatch(pool, settings, messages, { cursor, fault: options.fault }));
    } catch (error) {
      // Anything but bad data (the database away, a deadlock, a fault) fails the run: it is retried.
      if (!isDataError(error)) throw error;
      if (messages.length === 1) {
        // This message cannot be processed (its data breaks a rule): record why and go on.
        await markFailed(pool, mailboxId, messages[0]!.key, error instanceof Error ? error.message : String(error));
        report.failed += 1;
        return;
      }
      // Find the message that fails: the others commit on their own.
      for (const message of messages) await commit([message]);
      if (cursor) await commitBatch(pool, settings, [], { cursor });
    }
  }
  function tally(result: Awaited<ReturnType<typeof commitBatch>>) {
    report.alreadyDone += result.alreadyDone;
    for (const mark of result.plan?.marks ?? []) {
      report.messages += 1;
      report.leads += mark.leads;
      report.contacts += mark.contacts;
      report.activities += mark.activities;
      if (mark.outcome === "BLACKLISTED") report.blacklisted += 1;
    }
  }

  /** The folder's messages `uids` in batches; the cursor ends at `cursorTo` (the folder's synced end). */
  async function processUids(
    folder: FolderToRead & { id: number; specialUse: string | null },
    uids: number[],
    cursorTo: number,
  ) {
    const connection = await imap();
    await connection.mailboxOpen(folder.path);
    const batches = chunks(uids, batchSize);
    for (const [index, batch] of batches.entries()) {
      const messages = await readMessages(connection, folder, batch, {
        ownAddress: settings.ownAddress,
        withVcards: settings.vcards,
        since,
      });
      // The move comes first: if the run stops before the commit, the message is in spam already
      // (and spam is never processed); the other way round it could stay in the inbox for good.
      if (settings.blacklist.length > 0 && folder.path !== spamPath) {
        const moved = await moveBlacklisted(connection, messages, settings.blacklist, spamPath);
        // As webmail does after a move: the rows leave the folder at once (the next sync stores them
        // in spam), so nobody opens a message the server no longer has there.
        if (moved.length > 0)
          await recordMoved(db, { id: folder.id, mailboxId, specialUse: folder.specialUse }, null, undefined, moved);
      }
      const uid = index === batches.length - 1 ? cursorTo : batch[batch.length - 1]!;
      await commit(messages, { folderId: folder.id, uidValidity: folder.uidValidity, uid });
    }
  }

  // Folders with nothing to process only move their cursor: all of them in one statement at the end.
  const skipped: CursorStep[] = [];
  try {
    for (const folder of mailbox.folders) {
      if (folder.uidValidity === null) continue;
      const target = {
        id: folder.id,
        path: folder.path,
        uidValidity: folder.uidValidity,
        sent: folder.specialUse === "\\Sent" || folder.path === mailbox.sentFolder,
        specialUse: folder.specialUse,
      };
      const cursorTo = Number(folder.lastSyncedUid);
      const skipTo = { folderId: folder.id, uidValidity: folder.uidValidity, uid: cursorTo };
      if (!isProcessed(mailbox, folder)) {
        if (folder.crmUid < folder.lastSyncedUid) skipped.push(skipTo);
        continue;
      }
      try {
        if (backfillDays !== null) {
          // Everything of the last N days on the server, stored yet or not: marks keep it once.
          const connection = await imap();
          await connection.mailboxOpen(folder.path);
          const found = (await connection.search({ since }, { uid: true })) || [];
          if (found.length === 0) skipped.push(skipTo);
          else
            await processUids(
              target,
              found.sort((a, b) => a - b),
              cursorTo,
            );
          continue;
        }
        if (folder.crmUid >= folder.lastSyncedUid) continue;
        const rows = await pool.query<{ uid: string }>(
          `SELECT uid FROM "MailMessage" WHERE "folderId" = $1 AND uid > $2 AND uid <= $3
             AND COALESCE("internalDate", "sentDate") >= $4 ORDER BY uid`,
          [folder.id, String(folder.crmUid), String(folder.lastSyncedUid), since],
        );
        const uids = rows.rows.map((row) => Number(row.uid));
        if (uids.length === 0) skipped.push(skipTo);
        else await processUids(target, uids, cursorTo);
      } catch (error) {
        // Renumbered on the server since the last sync: the sync resets the folder (and its cursor) first.
        if (!(error instanceof FolderChanged)) throw error;
      }
    }
    await moveCursors(pool, skipped);
    if (backfillDays !== null && mailbox.folders.length > 0) {
      await db.crmMailboxState.updateMany({ where: { mailboxId, backfillDays }, data: { backfillDays: null } });
      report.backfilled = true;
    }
    // A run that got through clears the last failure: the settings page shows only a current one.
    await db.crmMailboxState.upsert({
      where: { mailboxId },
      create: { mailboxId, lastRunAt: new Date() },
      update: { lastRunAt: new Date(), lastError: null, lastErrorAt: null },
    });
    return report;
  } catch (error) {
    await db.crmMailboxState
      .upsert({
        where: { mailboxId },
        create: {
          mailboxId,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          lastErrorAt: new Date(),
        },
        update: {
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          lastErrorAt: new Date(),
        },
      })
      .catch(() => undefined);
    throw error;
  } finally {
    const open = client as ImapFlow | null;
    if (open) await open.logout().catch(() => open.close());
  }
}
