// Mail servers fail. Each case ends with the database holding exactly the server's messages.
// The scenarios live in tests/fixtures/sync-faults.ts, where `npm run stress:sync` repeats them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { createUser } from "../../tests/factories.ts";
import { ImapRewriter } from "../../tests/fixtures/imap-rewriter.ts";
import {
  FAST,
  type FaultBench,
  type FaultRun,
  faultMailbox,
  lossAndDuplicates,
  scenarios,
} from "../../tests/fixtures/sync-faults.ts";
import { TcpProxy } from "../../tests/fixtures/tcp-proxy.ts";
import { db } from "../db.ts";
import { syncMailbox } from "../mail/sync/mailbox-sync.ts";
import { stopBoss } from "./boss.ts";
import { enqueueDueMailboxes } from "./scheduler.ts";

describe("sync under failures (real Dovecot behind a misbehaving proxy)", () => {
  let bench: FaultBench;
  beforeAll(async () => {
    const dovecot = await Dovecot.start();
    const proxy = await TcpProxy.start(dovecot.port);
    bench = { db, dovecot, proxy, ownerId: (await createUser(db)).id };
  });
  afterAll(async () => {
    await stopBoss();
    await bench?.proxy.stop();
    await bench?.dovecot.stop();
  });

  async function expectNothingLost(run: Pick<FaultRun, "box" | "recovered">) {
    expect(run.recovered).toBe(true);
    const { lost, duplicated, wrongFlags, server, stored } = await lossAndDuplicates(bench, run.box);
    expect({ lost, duplicated, wrongFlags }).toEqual({ lost: 0, duplicated: 0, wrongFlags: 0 });
    expect(stored).toEqual(server);
  }

  it("wrong password: NEEDS_PASSWORD, no retries scheduled, back to OK after a new password", async () => {
    const run = await scenarios.wrongPassword(bench);
    expect(run.failed?.error?.code).toBe("AUTH_FAILED");
    expect(run.afterFault).toMatchObject({ status: "NEEDS_PASSWORD", nextSyncAt: null, consecutiveFailures: 1 });
    await expectNothingLost(run);
    // The scheduler leaves such a mailbox alone, however overdue: no retry storm against the account.
    const box = await faultMailbox(bench, 3);
    await bench.dovecot.setPassword(box.login, "changed-again");
    expect((await syncMailbox(db, box.id, { timeouts: FAST })).error?.code).toBe("AUTH_FAILED");
    await enqueueDueMailboxes(db, new Date(Date.now() + 365 * 86_400_000));
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: box.id } })).syncState).toBe("IDLE");
  });

  it("server down, then up: an error with a backoff, then a complete sync", async () => {
    const run = await scenarios.serverDown(bench);
    expect(run.failed?.error?.code).toBe("CONNECTION_REFUSED");
    expect(run.afterFault.status).toBe("ERROR");
    expect(run.afterFault.nextSyncAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: run.box.id } })).consecutiveFailures).toBe(0);
    await expectNothingLost(run);
  });

  it("connection cut in the middle of a large fetch: the committed windows stay, the next sync resumes", async () => {
    const run = await scenarios.connectionCut(bench);
    expect(run.failed?.error?.code).toBe("CONNECTION_LOST");
    expect(run.afterFault.fullSyncTargetUid).toBe(3000);
    expect(run.afterFault.lastSyncedUid).toBeGreaterThan(0);
    expect(run.afterFault.lastSyncedUid).toBeLessThan(3000);
    expect(run.afterFault.stored).toBe(run.afterFault.lastSyncedUid);
    await expectNothingLost(run);
  });

  it("a server that stops answering hits the timeout, then the sync completes", async () => {
    const run = await scenarios.serverStall(bench);
    expect(run.failed?.error?.code).toBe("TIMEOUT");
    expect(run.afterFault.status).toBe("ERROR");
    // Only whole windows are committed: the cursor and the stored messages agree.
    expect(run.afterFault.stored).toBe(run.afterFault.lastSyncedUid);
    await expectNothingLost(run);
  });

  it("a FETCH answered OK without some of its messages: nothing past them is committed, the next sync completes", async () => {
    // What made "stops answering" lose messages 1 run in 25: a window whose FETCH ended "OK" short
    // (there, a byte stream with a hole in it) was committed with its cursor at the window's end.
    const box = await faultMailbox(bench, 900);
    const rewriter = await ImapRewriter.start(bench.dovecot.port, { dropFetchOfUids: [377, 378] });
    try {
      await db.mailbox.update({ where: { id: box.id }, data: { imapPort: rewriter.port } });
      const report = await syncMailbox(db, box.id, { timeouts: FAST, windowSize: 100 });
      expect(report.error?.code).toBe("INCOMPLETE_RESPONSE");
      const inbox = await db.mailFolder.findFirstOrThrow({ where: { mailboxId: box.id, path: "INBOX" } });
      expect(Number(inbox.lastSyncedUid)).toBe(300);
      expect(await db.mailMessage.count({ where: { folderId: inbox.id } })).toBe(300);
      rewriter.profile = {};
      const recovered = await syncMailbox(db, box.id, { timeouts: FAST, windowSize: 100 });
      await expectNothingLost({ box, recovered: recovered.ok });
    } finally {
      await rewriter.stop();
    }
  });

  it("a worker killed with SIGKILL mid-sync: a restarted worker finishes the sync, nothing lost or doubled", async () => {
    const run = await scenarios.workerKilled(bench);
    expect(run.afterFault.fullSyncTargetUid).toBe(12_000);
    expect(run.afterFault.syncState).toBe("RUNNING");
    expect(await db.mailMessage.count({ where: { folder: { mailboxId: run.box.id, path: "INBOX" } } })).toBe(12_000);
    await expectNothingLost(run);
  }, 180_000);
});
