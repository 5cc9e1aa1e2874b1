// The audit list's summaries, computed in PostgreSQL: which fields changed, values cut short,
// and never the bulk of a huge change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db.ts";
import { recordAudit } from "./index.ts";
import { SUMMARY_FIELDS, SUMMARY_VALUE_CHARS, summarizeChanges } from "./summary.ts";

const contacts = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ email: `contact${index}@huge.test`, name: `Contact ${index}` }));

describe("audit change summaries", () => {
  const ids: Record<string, bigint> = {};
  beforeAll(async () => {
    const entries = {
      update: {
        before: { name: "Sales", systemCode: null, levels: { a: 0, b: 10 } },
        after: { name: "Sales team", systemCode: null, levels: { a: 30, b: 10 } },
      },
      create: { after: { name: "New role", levels: { a: 0 } } },
      remove: { before: { name: "Old role" } },
      list: { before: [{ kind: "USER", refId: 1 }], after: [] },
      huge: { before: { contacts: [] }, after: { contacts: contacts(5000) } },
      wide: {
        before: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`field${index}`, index])),
        after: Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`field${index}`, index + 1])),
      },
      long: { before: { signature: "x".repeat(10_000) }, after: { signature: "ü".repeat(10_000) } },
    };
    for (const [key, entry] of Object.entries(entries)) {
      await recordAudit(db, { actorId: null, action: `test.${key}`, entityType: "Test", entityId: key, ...entry });
      const row = await db.auditEvent.findFirstOrThrow({ where: { entityId: key }, select: { id: true } });
      ids[key] = row.id;
    }
  });

  const summaryOf = async (key: string) => (await summarizeChanges(db, [ids[key]!])).get(ids[key]!)!;

  it("names the changed fields, nested ones by their path, with both values", async () => {
    const summary = await summaryOf("update");
    expect(summary.total).toBe(2);
    expect(summary.fields).toEqual([
      {
        field: "levels.a",
        before: { text: "0", truncated: false, entries: null },
        after: { text: "30", truncated: false, entries: null },
      },
      {
        field: "name",
        before: { text: "Sales", truncated: false, entries: null },
        after: { text: "Sales team", truncated: false, entries: null },
      },
    ]);
  });

  it("a create lists the fields it set, a delete the fields it removed; a list is one field", async () => {
    expect(
      (await summaryOf("create")).fields.map((change) => [change.field, change.before, change.after?.text]),
    ).toEqual([
      ["levels", null, '{"a": 0}'],
      ["name", null, "New role"],
    ]);
    expect((await summaryOf("remove")).fields).toEqual([
      { field: "name", before: { text: "Old role", truncated: false, entries: null }, after: null },
    ]);
    const list = await summaryOf("list");
    expect(list.fields).toHaveLength(1);
    expect(list.fields[0]).toMatchObject({ field: "", before: { entries: 1 }, after: { text: "[]", entries: 0 } });
  });

  it("a huge change comes back as a few short values and a count", async () => {
    const summary = await summaryOf("huge");
    expect(summary.total).toBe(1);
    const after = summary.fields[0]!.after!;
    expect(after.entries).toBe(5000);
    expect(after.truncated).toBe(true);
    expect([...after.text]).toHaveLength(SUMMARY_VALUE_CHARS);
    expect(after.text).not.toContain("contact4999");
    const long = (await summaryOf("long")).fields[0]!;
    expect(long.after).toEqual({ text: "ü".repeat(SUMMARY_VALUE_CHARS), truncated: true, entries: null });
  });

  it("shows the first fields of a wide change and counts the rest", async () => {
    const summary = await summaryOf("wide");
    expect(summary.total).toBe(20);
    expect(summary.fields).toHaveLength(SUMMARY_FIELDS);
  });

  it("answers for several events at once, and for none", async () => {
    const all = await summarizeChanges(db, Object.values(ids));
    expect(all.size).toBe(Object.keys(ids).length);
    expect((await summarizeChanges(db, [])).size).toBe(0);
  });
});
