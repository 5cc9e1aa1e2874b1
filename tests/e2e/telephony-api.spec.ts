// The PBX API over HTTP (bearer tokens, idempotent ingestion, recordings, the outgoing-call
// check) and the telephony settings page that issues the tokens.
import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

const sha256 = (value: string | Buffer) => createHash("sha256").update(value).digest("hex");

/** A token inserted straight into the database (its hash, as the console stores it). */
async function insertToken(name: string, { revoked = false } = {}) {
  const secret = randomBytes(32).toString("base64url");
  const prefix = sha256(secret).slice(0, 8);
  const token = `mbc_${prefix}_${secret}`;
  await e2eQuery(`INSERT INTO "ApiToken" (name, prefix, "tokenHash", "revokedAt") VALUES ($1, $2, $3, $4)`, [
    name,
    prefix,
    sha256(token),
    revoked ? new Date() : null,
  ]);
  return token;
}

const callsWith = async (externalId: string) =>
  Number(
    (await e2eQuery<{ n: string }>(`SELECT count(*) AS n FROM "Call" WHERE "externalId" = $1`, [externalId]))[0]!.n,
  );

const record = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  direction: "incoming",
  status: "answered",
  employee: { email: "telephony@demo.test" },
  phoneNumber: "+49 30 5550123",
  startedAt: "2026-12-01T09:00:00Z",
  durationSeconds: 61,
  ...extra,
});

const post = (request: APIRequestContext, path: string, data: unknown, token?: string) =>
  request.post(`/api/telephony/v1/${path}`, {
    data,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

test.describe("telephony API", () => {
  test("no, a wrong or a revoked token: 401 and nothing stored", async ({ request }) => {
    const revoked = await insertToken("e2e revoked", { revoked: true });
    const live = await insertToken("e2e live");
    for (const [index, token] of [undefined, "", "mbc_nottoken", `${live}x`, revoked].entries()) {
      const id = `e2e-unauth-${index}`;
      const response = await post(request, "calls", record(id), token);
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHORIZED");
      expect(await callsWith(id)).toBe(0);
      const upload = await request.put(`/api/telephony/v1/calls/${id}/recording`, {
        data: Buffer.from("RIFF"),
        headers: { "content-type": "audio/wav", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      expect(upload.status()).toBe(401);
      const check = await post(request, "outgoing-check", { employee: { extension: "1" }, number: "+1555" }, token);
      expect(check.status()).toBe(401);
    }
  });

  test("a live token stores calls once; conflicts and bad records are answered per record", async ({ request }) => {
    const token = await insertToken("e2e ingest");
    const first = await post(request, "calls", record("e2e-call-1"), token);
    expect(first.status()).toBe(201);
    expect((await first.json()).result).toEqual({ index: 0, externalId: "e2e-call-1", status: "created" });
    expect((await post(request, "calls", record("e2e-call-1"), token)).status()).toBe(200);
    const conflict = await post(request, "calls", record("e2e-call-1", { durationSeconds: 62 }), token);
    expect(conflict.status()).toBe(409);
    expect(await callsWith("e2e-call-1")).toBe(1);

    const batch = await post(
      request,
      "calls",
      { calls: [record("e2e-call-2"), record("e2e-call-3", { durationSeconds: -5 }), record("e2e-call-1")] },
      token,
    );
    expect(batch.status()).toBe(400);
    const body = await batch.json();
    expect(body.counts).toEqual({ created: 1, unchanged: 1, conflict: 0, invalid: 1 });
    expect(body.results[1]).toMatchObject({ status: "invalid", reason: "durationSeconds: invalidDuration" });
    expect(await callsWith("e2e-call-2")).toBe(1);
    expect(await callsWith("e2e-call-3")).toBe(0);

    const tooMany = await post(request, "calls", { calls: Array(1001).fill(record("e2e-too-many")) }, token);
    expect(tooMany.status()).toBe(413);
    expect((await tooMany.json()).error.code).toBe("TOO_MANY_RECORDS");
    const notJson = await request.post("/api/telephony/v1/calls", {
      data: "{not json",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);
  });

  test("recordings: stored when the type and checksum are right, refused otherwise", async ({ request }) => {
    const token = await insertToken("e2e recordings");
    await post(request, "calls", record("e2e-rec-1"), token);
    const audio = Buffer.concat([Buffer.from("RIFF"), randomBytes(2000)]);
    const put = (headers: Record<string, string>, data: Buffer = audio, id = "e2e-rec-1") =>
      request.put(`/api/telephony/v1/calls/${id}/recording`, {
        data,
        headers: { authorization: `Bearer ${token}`, "content-type": "audio/wav", ...headers },
      });
    expect((await put({ "content-type": "text/html" })).status()).toBe(415);
    const mismatch = await put({ "x-content-sha256": sha256("something else") });
    expect(mismatch.status()).toBe(400);
    expect((await mismatch.json()).error.code).toBe("CHECKSUM_MISMATCH");
    expect((await put({}, audio, "e2e-no-such-call")).status()).toBe(404);
    const stored = await put({ "x-content-sha256": sha256(audio) });
    expect(stored.status()).toBe(201);
    const [row] = await e2eQuery<{ recordingBytes: number; recordingSha256: string }>(
      `SELECT "recordingBytes", "recordingSha256" FROM "Call" WHERE "externalId" = 'e2e-rec-1'`,
    );
    expect(row).toEqual({ recordingBytes: audio.length, recordingSha256: sha256(audio) });
  });

  test("outgoing-call check: the employee's level, and the blacklist above it", async ({ request }) => {
    const token = await insertToken("e2e outgoing");
    const employee = { email: "telephony@demo.test" };
    const allowed = await post(request, "outgoing-check", { employee, number: "+1 555 0100" }, token);
    expect(await allowed.json()).toEqual({
      allowed: true,
      reason: "anyNumber",
      level: expect.any(Number),
      number: "+15550100",
    });
    await e2eQuery(
      `INSERT INTO "TelephonySettings" (id, blacklist, "updatedAt") VALUES (1, ARRAY['+15550100'], now())
       ON CONFLICT (id) DO UPDATE SET blacklist = array_append("TelephonySettings".blacklist, '+15550100')`,
    );
    try {
      const refused = await post(request, "outgoing-check", { employee, number: "+1 555 0100" }, token);
      expect(await refused.json()).toMatchObject({ allowed: false, reason: "blacklisted" });
    } finally {
      await e2eQuery(`UPDATE "TelephonySettings" SET blacklist = array_remove(blacklist, '+15550100') WHERE id = 1`);
    }
    const unknown = await post(
      request,
      "outgoing-check",
      { employee: { email: "nobody@demo.test" }, number: "+1555" },
      token,
    );
    expect(unknown.status()).toBe(404);
    const hostile = await post(request, "outgoing-check", { employee: { extension: "\u0000" }, number: 5 }, token);
    expect(hostile.status()).toBe(400);
  });
});

test.describe("telephony settings page", () => {
  test.use({ storageState: storageStateOf("telephony") });

  test("the telephony admin creates a token, sees it once, uses it, revokes it", async ({ page, request }) => {
    await page.goto("/telephony/settings");
    await page.getByLabel("New token for").fill("E2E page token");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await expect(shown).toHaveValue(/^mbc_[a-z0-9]{8}_/);
    const token = await shown.inputValue();
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: "E2E page token" });
    await expect(row).toContainText(`mbc_${token.slice(4, 12)}_…`);
    expect(await page.content()).not.toContain(token);
    await page.reload();
    expect(await page.content()).not.toContain(token.slice(13));

    expect((await post(request, "calls", record("e2e-page-token-1"), token)).status()).toBe(201);

    await row.getByRole("button", { name: "Revoke token E2E page token" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(row).toContainText("Revoked");
    const after = await post(request, "calls", record("e2e-page-token-2"), token);
    expect(after.status()).toBe(401);
    expect(await callsWith("e2e-page-token-2")).toBe(0);
    const audit = await e2eQuery<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "entityType" = 'ApiToken' AND after->>'name' = 'E2E page token' ORDER BY id`,
    );
    expect(audit.map((event) => event.action)).toEqual(["apiToken.create", "apiToken.revoke"]);
  });

  test("blacklist: a bad number gets a field error, a good one is added normalised and removed", async ({ page }) => {
    await page.goto("/telephony/settings");
    const input = page.getByLabel("Phone number");
    await input.fill("call me");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Enter a phone number" })).toBeVisible();
    await input.fill("0049 (89) 555-777");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("blacklist")).toContainText("+4989555777");
    await page.getByRole("button", { name: "Remove +4989555777 from the blacklist" }).click();
    await expect(page.getByText("+4989555777", { exact: true })).toHaveCount(0);
  });

  for (const locale of ["en", "ar"]) {
    test(`no serious accessibility violations (${locale})`, async ({ page }) => {
      await page.goto(locale === "en" ? "/telephony/settings" : `/${locale}/telephony/settings`);
      await expect(page.locator("h1")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) =>
        ["serious", "critical"].includes(violation.impact ?? ""),
      );
      expect(
        serious.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`,
        ),
      ).toEqual([]);
    });
  }
});

test.describe("telephony settings page, employee", () => {
  test.use({ storageState: storageStateOf("employee") });
  test("gets 403", async ({ page }) => {
    const response = await page.goto("/telephony/settings");
    expect(response?.status()).toBe(403);
  });
});
