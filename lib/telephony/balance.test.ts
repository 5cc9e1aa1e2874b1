import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { loadAccess } from "../access/access.ts";
import { db } from "../db.ts";
import { addBalanceEntry, balanceByCurrency, ledgerPage } from "./balance.ts";
import { addBalanceEntryInput } from "./page-schemas.ts";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("telephony balance", () => {
  beforeAll(async () => {
    await db.balanceEntry.createMany({
      data: [
        { kind: "TOP_UP", amountCents: 10_000, currency: "EUR", description: "Top-up", at: day("2026-11-01") },
        { kind: "CALL_CHARGE", amountCents: -137, currency: "EUR", description: "Call", at: day("2026-11-02") },
        { kind: "CALL_CHARGE", amountCents: -250, currency: "EUR", description: "Call", at: day("2026-11-03") },
        { kind: "ADJUSTMENT", amountCents: -13, currency: "EUR", description: "Rounding", at: day("2026-11-03") },
        { kind: "TOP_UP", amountCents: 5_000, currency: "AED", description: "Dubai line", at: day("2026-11-04") },
      ],
    });
  });

  it("is the sum of the ledger, per currency", async () => {
    expect(await balanceByCurrency(db)).toEqual([
      { currency: "AED", amountCents: 5_000 },
      { currency: "EUR", amountCents: 10_000 - 137 - 250 - 13 },
    ]);
  });

  it("lists newest first, pages, and filters by whole days", async () => {
    const all = await ledgerPage(db, { from: null, to: null, page: 1, perPage: 2 });
    expect(all.total).toBe(5);
    expect(all.rows.map((row) => row.description)).toEqual(["Dubai line", "Rounding"]);
    const range = await ledgerPage(db, {
      from: new Date("2026-11-02T00:00:00Z"),
      to: new Date("2026-11-03T00:00:00Z"),
      page: 1,
      perPage: 50,
    });
    expect(range.rows.map((row) => row.amountCents).sort()).toEqual([-13, -137, -250].sort());
  });

  it("books a top-up or adjustment with an audit record; a negative top-up is refused", async () => {
    const admin = await loadAccess(db, (await createUser(db, { isPortalAdmin: true })).id);
    await addBalanceEntry(
      db,
      admin,
      addBalanceEntryInput.parse({ kind: "ADJUSTMENT", amount: "-0,50", currency: "eur", description: "Correction" }),
    );
    expect((await balanceByCurrency(db)).find((row) => row.currency === "EUR")?.amountCents).toBe(9_600 - 50);
    const audit = await db.auditEvent.findFirst({ where: { action: "balance.add" } });
    expect(audit?.actorId).toBe(admin.userId);
    expect(audit?.after).toMatchObject({ amountCents: -50, currency: "EUR" });
    const negative = addBalanceEntryInput.safeParse({
      kind: "TOP_UP",
      amount: "-5",
      currency: "EUR",
      description: "x",
    });
    expect(negative.error?.issues[0]).toMatchObject({ path: ["amount"], message: "topUpPositive" });
    expect(
      addBalanceEntryInput.safeParse({ kind: "TOP_UP", amount: "0", currency: "EUR", description: "x" }).success,
    ).toBe(false);
  });
});
