import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { deleteExpiredRecordings } from "./retention.ts";
import { localRecordingStorage } from "./storage.ts";

const DAY = 86_400_000;

describe("recording retention", () => {
  let root = "";
  let storage: ReturnType<typeof localRecordingStorage>;
  const now = new Date("2026-12-01T12:00:00Z");
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "recordings-retention-"));
    storage = localRecordingStorage(root);
    const user = await createUser(db);
    for (const [name, ageDays] of [
      ["old", 40],
      ["older", 400],
      ["fresh", 5],
    ] as const) {
      const key = `calls/${name}.wav`;
      const stored = await storage.put(key, Readable.from([Buffer.from(name)]), { maxBytes: 100 });
      const call = await db.call.create({
        data: {
          externalId: `ret-${name}`,
          employeeId: user.id,
          direction: "INCOMING",
          status: "ANSWERED",
          phoneNumber: "+4930555",
          startedAt: new Date(now.getTime() - ageDays * DAY),
          recordingPath: key,
          recordingBytes: stored.bytes,
          recordingSha256: stored.sha256,
          recordingType: "audio/wav",
          recordedAt: new Date(now.getTime() - ageDays * DAY),
        },
      });
      ids[name] = call.id;
    }
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("keeps everything while retention is 'keep forever'", async () => {
    expect(await deleteExpiredRecordings(db, storage, { now })).toBe(0);
    await db.telephonySettings.create({ data: { id: 1, recordingRetentionDays: null } });
    expect(await deleteExpiredRecordings(db, storage, { now })).toBe(0);
    expect(await storage.size("calls/old.wav")).toBe(3);
  });

  it("deletes recordings older than the retention: file gone, columns cleared, audited by nobody", async () => {
    await db.telephonySettings.update({ where: { id: 1 }, data: { recordingRetentionDays: 30 } });
    expect(await deleteExpiredRecordings(db, storage, { now })).toBe(2);
    for (const name of ["old", "older"]) {
      expect(await storage.size(`calls/${name}.wav`)).toBeNull();
      expect(await db.call.findUniqueOrThrow({ where: { id: ids[name] } })).toMatchObject({
        recordingPath: null,
        recordingBytes: null,
        recordingSha256: null,
        recordingType: null,
        recordedAt: null,
      });
    }
    const fresh = await db.call.findUniqueOrThrow({ where: { id: ids.fresh } });
    expect(fresh.recordingPath).toBe("calls/fresh.wav");
    expect(await storage.size("calls/fresh.wav")).toBe(5);
    const audit = await db.auditEvent.findMany({ where: { action: "call.recordingExpired" } });
    expect(audit.map((event) => [event.actorId, Number(event.entityId)]).sort()).toEqual(
      [
        [null, ids.old],
        [null, ids.older],
      ].sort(),
    );
    // A second run finds nothing more to do.
    expect(await deleteExpiredRecordings(db, storage, { now })).toBe(0);
  });
});
