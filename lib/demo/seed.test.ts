import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../../tests/databases.ts";
import { db } from "../db.ts";
import { PrismaClient } from "../generated/prisma/client.ts";
import { localRecordingStorage } from "../telephony/storage.ts";
import { DEMO_RECORDINGS } from "./recordings.ts";
import { seedDemo } from "./seed.ts";

const NOW = new Date("2026-11-20T09:00:00Z");

/** A digest of everything the seed writes, except encrypted secrets (random IVs by design). */
async function digest(client: typeof db | PrismaClient) {
  const hash = createHash("sha256");
  const json = (rows: unknown) =>
    JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  hash.update(
    json(
      await client.user.findMany({
        orderBy: { id: "asc" },
        omit: { passwordHash: false, createdAt: true, updatedAt: true },
      }),
    ),
  );
  hash.update(json(await client.department.findMany({ orderBy: { id: "asc" } })));
  hash.update(json(await client.departmentMember.findMany({ orderBy: [{ departmentId: "asc" }, { userId: "asc" }] })));
  hash.update(json(await client.workGroupMember.findMany({ orderBy: [{ workGroupId: "asc" }, { userId: "asc" }] })));
  hash.update(
    json(
      await client.mailbox.findMany({
        orderBy: { id: "asc" },
        omit: { imapPasswordEnc: true, smtpPasswordEnc: true, updatedAt: true },
      }),
    ),
  );
  hash.update(json(await client.mailboxAccess.findMany({ orderBy: [{ mailboxId: "asc" }, { subjectRefId: "asc" }] })));
  hash.update(json(await client.call.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true } })));
  return hash.digest("hex");
}

const recordingsDir = await fs.mkdtemp(path.join(os.tmpdir(), "demo-recordings-"));
const recordings = localRecordingStorage(recordingsDir);

describe("demo organisation seed", () => {
  let second: ScratchDatabase;
  let secondClient: PrismaClient;
  beforeAll(async () => {
    await seedDemo(db, { now: NOW, recordings });
    second = await createScratchDatabase("migrated");
    secondClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: second.url }) });
    await seedDemo(secondClient as unknown as typeof db, { now: NOW, recordings });
  }, 180_000);
  afterAll(async () => {
    await fs.rm(recordingsDir, { recursive: true, force: true });
    await secondClient?.$disconnect();
    await second?.drop();
  });

  it("gives 20 answered calls a playable WAV recording, stored with its size and checksum", async () => {
    const calls = await db.call.findMany({ where: { recordingPath: { not: null } } });
    expect(calls).toHaveLength(DEMO_RECORDINGS);
    for (const call of calls) {
      expect(call).toMatchObject({ status: "ANSWERED", recordingType: "audio/wav" });
      const file = await fs.readFile(path.join(recordingsDir, call.recordingPath!));
      expect(file.length).toBe(call.recordingBytes);
      expect(createHash("sha256").update(file).digest("hex")).toBe(call.recordingSha256);
      expect(file.toString("ascii", 0, 4)).toBe("RIFF");
      expect(file.readUInt32LE(4)).toBe(file.length - 8);
      expect(file.toString("ascii", 8, 16)).toBe("WAVEfmt ");
      expect([file.readUInt16LE(20), file.readUInt16LE(22), file.readUInt32LE(24), file.readUInt16LE(34)]).toEqual([
        1, 1, 8000, 16,
      ]);
      expect(file.toString("ascii", 36, 40)).toBe("data");
      expect(file.readUInt32LE(40)).toBe(file.length - 44);
      expect(file.length - 44).toBeGreaterThanOrEqual(3 * 8000 * 2); // at least three seconds
      expect(file.subarray(44).some((byte) => byte !== 0)).toBe(true); // not silence
    }
  });

  it("is deterministic: two databases seeded with the same reference time are identical", async () => {
    expect(await digest(secondClient)).toBe(await digest(db));
  });

  it("does nothing when the database already has data (idempotent first-start seed)", async () => {
    const before = await db.user.count();
    expect((await seedDemo(db, { now: NOW })).seeded).toBe(false);
    expect(await db.user.count()).toBe(before);
  });

  it("has the size and shape the README promises", async () => {
    const employees = await db.user.count({ where: { kind: "EMPLOYEE" } });
    const departments = await db.department.findMany({ select: { depth: true, headId: true } });
    const multi = await db.departmentMember.groupBy({
      by: ["userId"],
      _count: true,
      having: { userId: { _count: { gt: 1 } } },
    });
    expect(employees).toBeGreaterThanOrEqual(300);
    expect(departments.length).toBeGreaterThanOrEqual(25);
    expect(Math.max(...departments.map((department) => department.depth))).toBeGreaterThanOrEqual(3);
    expect(departments.filter((department) => department.headId).length).toBeGreaterThanOrEqual(25);
    expect(multi.length).toBeGreaterThan(0);
    expect(await db.workGroup.count()).toBe(5);
    expect(
      await db.workGroup.count({ where: { isExternal: true, members: { some: { user: { kind: "EXTERNAL" } } } } }),
    ).toBe(2);
    expect(await db.userGroup.count()).toBe(3);
    expect(await db.mailbox.count()).toBeGreaterThanOrEqual(600);
    expect(await db.mailbox.count({ where: { lastSyncAt: null } })).toBeGreaterThan(0);
    expect(await db.mailbox.count({ where: { status: "ERROR", lastError: { not: null } } })).toBeGreaterThan(0);
    expect(await db.mailbox.count({ where: { crmEnabled: true, crmQueue: { some: {} } } })).toBeGreaterThan(0);
    expect(await db.mailboxAccess.count()).toBeGreaterThan(0);
  });

  it("creates the fixed sign-ins in the right places", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
    expect(admin.isPortalAdmin).toBe(true);
    const head = await db.user.findUniqueOrThrow({
      where: { email: "head.sales@demo.test" },
      include: { headedDepartments: { include: { children: true } } },
    });
    expect(head.headedDepartments.map((department) => department.name)).toContain("Sales");
    expect(head.headedDepartments.find((department) => department.name === "Sales")!.children.length).toBeGreaterThan(
      0,
    );
    const employee = await db.user.findUniqueOrThrow({
      where: { email: "employee@demo.test" },
      include: { departmentMemberships: { include: { department: true } }, headedDepartments: true },
    });
    expect(employee.isPortalAdmin).toBe(false);
    expect(employee.headedDepartments).toEqual([]);
    const salesPath = (await db.department.findFirstOrThrow({ where: { name: "Sales" } })).path;
    expect(employee.departmentMemberships.every((membership) => membership.department.path.startsWith(salesPath))).toBe(
      true,
    );
    const external = await db.user.findUniqueOrThrow({
      where: { email: "external@demo.test" },
      include: { departmentMemberships: true },
    });
    expect(external.kind).toBe("EXTERNAL");
    expect(external.departmentMemberships).toEqual([]);
  });
});
