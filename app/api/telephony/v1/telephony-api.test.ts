// The PBX API route handlers called with real Request objects (real database, real storage in a
// temporary directory): what the HTTP layer adds to lib/telephony — 401 before anything is read,
// status codes, limits that leave nothing behind.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../../../tests/factories.ts";

const root = await fs.mkdtemp(path.join(os.tmpdir(), "telephony-api-"));
// Before anything reads them: the storage and lib/env settle these on first use.
process.env.RECORDINGS_DIR = root;
process.env.RECORDINGS_MAX_MB = "1";

const { db } = await import("../../../../lib/db.ts");
const { createApiToken } = await import("../../../../lib/telephony/tokens.ts");
const calls = await import("./calls/route.ts");
const recording = await import("./calls/[externalId]/recording/route.ts");
const outgoing = await import("./outgoing-check/route.ts");

const json = (body: unknown, token?: string) =>
  new Request("http://console.test/api/telephony/v1/calls", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

/** A streamed body of `size` bytes, sent without a Content-Length (chunked), so only counting can stop it. */
function streamedUpload(externalId: string, token: string, size: number, headers: Record<string, string> = {}) {
  let left = size;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const chunk = new Uint8Array(Math.min(65_536, left)).fill(7);
      left -= chunk.length;
      controller.enqueue(chunk);
    },
  });
  return recording.PUT(
    new Request(`http://console.test/api/telephony/v1/calls/${externalId}/recording`, {
      method: "PUT",
      body,
      duplex: "half",
      headers: { authorization: `Bearer ${token}`, "content-type": "audio/mpeg", ...headers },
    } as RequestInit),
    { params: Promise.resolve({ externalId }) },
  );
}

const record = (externalId: string) => ({
  externalId,
  direction: "outgoing",
  status: "answered",
  employee: { email: "api-caller@calls.test" },
  phoneNumber: "+39 02 555 0101",
  startedAt: "2026-11-30T08:00:00Z",
  durationSeconds: 12,
});

describe("telephony API routes", () => {
  let token = "";
  beforeAll(async () => {
    await createUser(db, { email: "api-caller@calls.test" });
    token = (await createApiToken(db, { name: "routes", actorId: null })).token;
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("401 without a token, before the body is parsed; nothing stored", async () => {
    for (const response of [
      await calls.POST(json(record("r-unauth")), undefined),
      await calls.POST(json("{broken", "mbc_x_y"), undefined),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await response.json()).error.code).toBe("UNAUTHORIZED");
    }
    expect(await db.call.count({ where: { externalId: "r-unauth" } })).toBe(0);
  });

  it("single records: 201, 200 again, 409 when different, 400 when invalid; bad JSON and batches too big", async () => {
    expect((await calls.POST(json(record("r-1"), token), undefined)).status).toBe(201);
    expect((await calls.POST(json(record("r-1"), token), undefined)).status).toBe(200);
    expect((await calls.POST(json({ ...record("r-1"), status: "missed" }, token), undefined)).status).toBe(409);
    const invalid = await calls.POST(json({ ...record("r-2"), durationSeconds: 2 ** 31 }, token), undefined);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).result.reason).toBe("durationSeconds: invalidDuration");
    expect((await calls.POST(json("{broken", token), undefined)).status).toBe(400);
    expect((await calls.POST(json([record("r-3")], token), undefined)).status).toBe(400);
    expect((await calls.POST(json({ calls: [], extra: 1 }, token), undefined)).status).toBe(400);
    const tooMany = await calls.POST(json({ calls: Array(1_001).fill(record("r-4")) }, token), undefined);
    expect(tooMany.status).toBe(413);
    expect(await db.call.count({ where: { externalId: { in: ["r-2", "r-3", "r-4"] } } })).toBe(0);
  });

  it("recordings: past RECORDINGS_MAX_MB while streaming → 413 and no file; checksum and type checked", async () => {
    await calls.POST(json(record("r-rec"), token), undefined);
    const tooLarge = await streamedUpload("r-rec", token, 1_000_001);
    expect(tooLarge.status).toBe(413);
    expect(await fs.readdir(root, { recursive: true })).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/\.mp3|\.part-/)]),
    );
    const mismatch = await streamedUpload("r-rec", token, 10, { "x-content-sha256": "0".repeat(64) });
    expect((await mismatch.json()).error.code).toBe("CHECKSUM_MISMATCH");
    expect((await streamedUpload("r-rec", token, 10, { "content-type": "video/mp4" })).status).toBe(415);
    expect((await streamedUpload("r-rec", token, 10, { "x-content-sha256": "nothex" })).status).toBe(400);
    expect((await streamedUpload("no-such-call", token, 10)).status).toBe(404);
    expect((await streamedUpload("../../etc", token, 10)).status).toBe(404);
    expect((await db.call.findUniqueOrThrow({ where: { externalId: "r-rec" } })).recordingPath).toBeNull();

    const ok = await streamedUpload("r-rec", token, 1_000_000, {
      "x-content-sha256": createHash("sha256").update(new Uint8Array(1_000_000).fill(7)).digest("hex"),
    });
    expect(ok.status).toBe(201);
    const call = await db.call.findUniqueOrThrow({ where: { externalId: "r-rec" } });
    expect(call).toMatchObject({ recordingBytes: 1_000_000, recordingType: "audio/mpeg" });
    expect((await fs.stat(path.join(root, call.recordingPath!))).size).toBe(1_000_000);
  });

  it("outgoing check: 404 for an unknown employee, 400 for hostile input, a decision otherwise", async () => {
    const ask = (body: unknown) =>
      outgoing.POST(
        new Request("http://console.test/api/telephony/v1/outgoing-check", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        }),
        undefined,
      );
    const decision = await ask({ employee: { email: "api-caller@calls.test" }, number: "+1 555 0100" });
    expect(decision.status).toBe(200);
    expect(await decision.json()).toMatchObject({ allowed: expect.any(Boolean), number: "+15550100" });
    expect((await ask({ employee: { email: "nobody@calls.test" }, number: "+1555" })).status).toBe(404);
    expect((await ask({ employee: { phone: "\u0000" }, number: "+1555" })).status).toBe(400);
    expect((await ask({ employee: {}, number: "+1555" })).status).toBe(400);
  });
});
