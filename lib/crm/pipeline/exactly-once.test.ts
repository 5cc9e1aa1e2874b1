// Exactly once, whatever the sync and the jobs go through (issue #12): every scenario ends with
// one CRM effect per message — one lead per new sender, one mark, one queue step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../../scripts/lib/dovecot.ts";
import { spawnWorker } from "../../../scripts/lib/worker-process.ts";
import { createUser } from "../../../tests/factories.ts";
import { crmEffects, crmMailbox, type MailSpec } from "../../../tests/fixtures/crm-mail.ts";
import { waitFor } from "../../../tests/fixtures/sync-faults.ts";
import { db } from "../../db.ts";
import { stopBoss } from "../../jobs/boss.ts";
import { syncMailbox } from "../../mail/sync/mailbox-sync.ts";
import { processMailboxCrm } from "./process.ts";

let senders = 0;
/** Mail from `count` senders the CRM has never seen: each must become exactly one lead. */
function newSenders(count: number): MailSpec[] {
  return Array.from({ length: count }, () => {
    senders += 1;
    return {
      from: `Sender ${senders} <sender${senders}@new-${process.pid}.test>`,
      to: "me@test.local",
      subject: `Enquiry ${senders}`,
    };
  });
}

describe("CRM exactly once (real Dovecot and PostgreSQL)", () => {
  let dovecot: Dovecot;
  let owner: { id: number };
  beforeAll(async () => {
    dovecot = await Dovecot.start();
    owner = await createUser(db);
  });
  afterAll(async () => {
    await stopBoss();
    await dovecot?.stop();
  });

  /** One lead per sender, one mark per message, and no address with two leads. */
  async function expectOnceEach(mailboxId: number, messages: number) {
    expect(await crmEffects(db, mailboxId)).toEqual({
      leads: messages,
      contacts: 0,
      activities: messages,
      marks: messages,
    });
    const doubled = await db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM (SELECT email FROM "CrmLead" WHERE "mailboxId" = ${mailboxId} GROUP BY email HAVING COUNT(*) > 1) d`;
    expect(Number(doubled[0]!.n)).toBe(0);
    const state = await db.crmMailboxState.findUniqueOrThrow({ where: { mailboxId } });
    expect(state.queueNext).toBe(messages);
  }

  it("re-sync: the same messages synced and offered again change nothing", async () => {
    const box = await crmMailbox(db, dovecot, owner.id, { inbox: newSenders(30) });
    await processMailboxCrm(db, box.id, { batchSize: 8 });
    await expectOnceEach(box.id, 30);
    // Everything offered again: the cursor rewound, a fresh sync, another run.
    await db.mailFolder.updateMany({ where: { mailboxId: box.id }, data: { crmUid: 0 } });
    expect((await syncMailbox(db, box.id, { manual: true })).ok).toBe(true);
    expect(await processMailboxCrm(db, box.id, { batchSize: 8 })).toMatchObject({ messages: 0, alreadyDone: 30 });
    await expectOnceEach(box.id, 30);
  });

  it("UIDVALIDITY reset: the folder is synced anew with new UIDs, no message is processed twice", async () => {
    const box = await crmMailbox(db, dovecot, owner.id, { inbox: newSenders(25) });
    await processMailboxCrm(db, box.id);
    await dovecot.doveadm(["mailbox", "update", "-u", box.login, "--uid-validity", "777001", "INBOX"]);
    const report = await syncMailbox(db, box.id);
    expect(report.folders.INBOX).toBe("reset");
    const inbox = await db.mailFolder.findFirstOrThrow({ where: { mailboxId: box.id, path: "INBOX" } });
    // The reset rewound the CRM cursor with the UIDs: every message is offered again, under new UIDs.
    expect(inbox).toMatchObject({ uidValidity: 777001n, crmUid: 0n, lastSyncedUid: 25n });
    expect(await processMailboxCrm(db, box.id)).toMatchObject({ messages: 0, alreadyDone: 25 });
    expect((await db.mailFolder.findUniqueOrThrow({ where: { id: inbox.id } })).crmUid).toBe(25n);
    await expectOnceEach(box.id, 25);
  });

  it("a job failing in the middle of a batch, then retried: the failed batch left nothing, the retry does it once", async () => {
    const box = await crmMailbox(db, dovecot, owner.id, { inbox: newSenders(30) });
    let batches = 0;
    const failing = processMailboxCrm(db, box.id, {
      batchSize: 10,
      fault: () => {
        batches += 1;
        if (batches === 2) throw new Error("worker fault after writing records, before the marks");
      },
    });
    await expect(failing).rejects.toThrow(/worker fault/);
    // The first batch committed; the second rolled back whole (records, queue step and marks).
    expect(await crmEffects(db, box.id)).toEqual({ leads: 10, contacts: 0, activities: 10, marks: 10 });
    expect((await db.crmMailboxState.findUniqueOrThrow({ where: { mailboxId: box.id } })).lastError).toMatch(/fault/);
    expect(await processMailboxCrm(db, box.id, { batchSize: 10 })).toMatchObject({ messages: 20 });
    await expectOnceEach(box.id, 30);
  });

  it("two workers on the same mailbox at once: one effect per message", async () => {
    const box = await crmMailbox(db, dovecot, owner.id, { inbox: newSenders(40) });
    const runs = await Promise.all([
      processMailboxCrm(db, box.id, { batchSize: 5 }),
      processMailboxCrm(db, box.id, { batchSize: 5 }),
    ]);
    expect(runs[0]!.messages + runs[1]!.messages).toBe(40);
    await expectOnceEach(box.id, 40);
  });

  it("10 concurrent jobs against one distribution queue: assignments differ by at most one", async () => {
    const members = [await createUser(db), await createUser(db), await createUser(db)];
    const box = await crmMailbox(
      db,
      dovecot,
      owner.id,
      { inbox: newSenders(91) },
      {
        crmQueue: { create: members.map((member, position) => ({ userId: member.id, position })) },
      },
    );
    await Promise.all(Array.from({ length: 10 }, () => processMailboxCrm(db, box.id, { batchSize: 7 })));
    await expectOnceEach(box.id, 91);
    const perMember = await db.crmLead.groupBy({ by: ["responsibleId"], where: { mailboxId: box.id }, _count: true });
    const counts = perMember.map((row) => row._count).sort();
    expect(perMember).toHaveLength(3);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it("a worker killed with SIGKILL mid-batch, then restarted: every message once", async () => {
    const box = await crmMailbox(db, dovecot, owner.id, { inbox: newSenders(1500) });
    await db.mailbox.update({ where: { id: box.id }, data: { autoSync: false } });
    const env = { ...process.env, CRM_BATCH_SIZE: "10", WORKER_SCHEDULER_MS: "500" };
    const marks = () => db.crmProcessedMessage.count({ where: { mailboxId: box.id } });
    const first = spawnWorker(env, { concurrency: 1, stdio: "ignore" });
    try {
      await waitFor(async () => (await marks()) >= 100);
    } finally {
      first.kill("SIGKILL");
      if (first.exitCode === null && first.signalCode === null)
        await new Promise((resolve) => first.once("exit", resolve));
    }
    const atKill = await marks();
    expect(atKill).toBeLessThan(1500);
    // What committed is whole: as many leads as marks, no batch half-written.
    expect(await crmEffects(db, box.id)).toEqual({ leads: atKill, contacts: 0, activities: atKill, marks: atKill });
    const second = spawnWorker(env, { concurrency: 1, stdio: "ignore" });
    try {
      await waitFor(async () => (await marks()) === 1500, 120_000);
    } finally {
      second.kill("SIGTERM");
      if (second.exitCode === null && second.signalCode === null)
        await new Promise((resolve) => second.once("exit", resolve));
    }
    await expectOnceEach(box.id, 1500);
  }, 180_000);
});
