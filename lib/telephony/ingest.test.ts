import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { type IngestResult, ingestCalls } from "./ingest.ts";

const base = {
  direction: "incoming",
  status: "answered",
  phoneNumber: "+49 30 5550100",
  startedAt: "2026-11-30T09:15:00Z",
  durationSeconds: 42,
};

describe("call ingestion", () => {
  let alice = 0;
  let bob = 0;
  beforeAll(async () => {
    alice = (await createUser(db, { email: "alice@calls.test", phones: ["+4930111"] })).id;
    bob = (await createUser(db)).id;
    await db.userPhoneSettings.create({ data: { userId: bob, extension: "204" } });
    await createUser(db, { email: "guest@calls.test", kind: "EXTERNAL" });
    await createUser(db, { phones: ["+4930999"] });
    await createUser(db, { phones: ["+4930999"] });
  });

  const statuses = (results: IngestResult[]) => results.map((result) => result.status);

  it("stores records by e-mail, extension or phone, normalising numbers", async () => {
    const results = await ingestCalls(db, [
      { ...base, externalId: "a-1", employee: { email: "ALICE@calls.test" } },
      {
        ...base,
        externalId: "a-2",
        employee: { extension: "204" },
        lineNumber: "0049 30 777",
        crmEntity: { type: "lead", id: 7 },
      },
      { ...base, externalId: "a-3", employee: { phone: "+49 30 111" }, direction: "outgoing", status: "missed" },
    ]);
    expect(statuses(results)).toEqual(["created", "created", "created"]);
    const calls = await db.call.findMany({
      where: { externalId: { startsWith: "a-" } },
      orderBy: { externalId: "asc" },
    });
    expect(calls.map((call) => call.employeeId)).toEqual([alice, bob, alice]);
    expect(calls[0]).toMatchObject({ phoneNumber: "+49305550100", direction: "INCOMING", durationSeconds: 42 });
    expect(calls[0]!.startedAt.toISOString()).toBe("2026-11-30T09:15:00.000Z");
    expect(calls[1]).toMatchObject({ lineNumber: "+4930777", crmEntityType: "lead", crmEntityId: 7 });
    expect(calls[2]).toMatchObject({ direction: "OUTGOING", status: "MISSED" });
  });

  it("a retried batch stores nothing twice; the same id with other data is a conflict", async () => {
    const batch = [
      { ...base, externalId: "r-1", employee: { email: "alice@calls.test" } },
      { ...base, externalId: "r-2", employee: { email: "alice@calls.test" }, startedAt: "2026-11-30T10:15:00+01:00" },
    ];
    expect(statuses(await ingestCalls(db, batch))).toEqual(["created", "created"]);
    expect(statuses(await ingestCalls(db, batch))).toEqual(["unchanged", "unchanged"]);
    const changed = await ingestCalls(db, [{ ...batch[0], durationSeconds: 43 }]);
    expect(changed).toEqual([{ index: 0, externalId: "r-1", status: "conflict" }]);
    expect(await db.call.count({ where: { externalId: { startsWith: "r-" } } })).toBe(2);
    expect((await db.call.findUniqueOrThrow({ where: { externalId: "r-1" } })).durationSeconds).toBe(42);
  });

  it("repeats inside one batch: identical is unchanged, different is a conflict", async () => {
    const record = { ...base, externalId: "d-1", employee: { email: "alice@calls.test" } };
    const results = await ingestCalls(db, [record, record, { ...record, status: "busy" }]);
    expect(statuses(results)).toEqual(["created", "unchanged", "conflict"]);
    expect(await db.call.count({ where: { externalId: "d-1" } })).toBe(1);
  });

  it("bad records get a reason each; the valid ones of the batch are stored, the bad ones not at all", async () => {
    const employee = { email: "alice@calls.test" };
    const results = await ingestCalls(db, [
      { ...base, externalId: "v-1", employee },
      { ...base, externalId: "v-2", employee, durationSeconds: -1 },
      { ...base, externalId: "v-3", employee, crmEntity: { type: "contact", id: 2 ** 31 } },
      { ...base, externalId: "v-4\u0000", employee },
      { ...base, externalId: "v-5", employee: { email: "guest@calls.test" } },
      { ...base, externalId: "v-6", employee: { phone: "+49 30 999" } },
      { ...base, externalId: "v-7", employee, lineNumber: "12\u0007" },
      { ...base, externalId: "v-8", employee, startedAt: "yesterday" },
      { ...base, externalId: "v-9", employee, durationSeconds: 1.5 },
      { ...base, externalId: "v-10", employee, extra: "field" },
      { ...base, externalId: "v-11", employee: { email: "alice@calls.test", extension: "204" } },
      "not an object",
      null,
      { ...base, externalId: "v-12", employee, phoneNumber: "x".repeat(100_000) },
      { ...base, externalId: "v-13", employee, durationSeconds: 10 ** 9 },
      { ...base, externalId: "v-14", employee },
    ]);
    expect(statuses(results)).toEqual(["created", ...Array(14).fill("invalid"), "created"]);
    expect(results.slice(1, 11).map((result) => result.reason)).toEqual([
      "durationSeconds: invalidDuration",
      "crmEntity.id: invalidCrmEntity",
      "externalId: invalidExternalId",
      "employee: unknownEmployee",
      "employee: ambiguousEmployee",
      "lineNumber: disallowedCharacters",
      "startedAt: invalidDate",
      "durationSeconds: invalidDuration",
      "record: unknownField",
      "employee: employeeNeedsOneOfEmailExtensionPhone",
    ]);
    expect(results[3]!.externalId).toBeNull(); // a NUL is never echoed back
    const stored = await db.call.findMany({
      where: { externalId: { startsWith: "v-" } },
      select: { externalId: true },
    });
    expect(stored.map((call) => call.externalId).sort()).toEqual(["v-1", "v-14"]);
  });

  it("a batch of 1,000 goes in at once and again as unchanged", async () => {
    const batch = Array.from({ length: 1_000 }, (_, index) => ({
      ...base,
      externalId: `bulk-${index}`,
      employee: index % 2 ? { email: "alice@calls.test" } : { extension: "204" },
      durationSeconds: index,
    }));
    expect(new Set(statuses(await ingestCalls(db, batch)))).toEqual(new Set(["created"]));
    expect(new Set(statuses(await ingestCalls(db, batch)))).toEqual(new Set(["unchanged"]));
    expect(await db.call.count({ where: { externalId: { startsWith: "bulk-" } } })).toBe(1_000);
  });
});
