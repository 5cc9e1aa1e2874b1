// The recording route over its real handler: Range answers byte for byte, and every "no" — other
// people's calls, no recording, unknown id, a download by a non-administrator — is the same 404.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Access, loadAccess } from "@/lib/access/access";
import { LEVEL, TELEPHONY } from "@/lib/access/catalog";
import { db } from "@/lib/db";
import { deleteRecording, parseRange } from "@/lib/telephony/recordings";
import { recordingStorage } from "@/lib/telephony/storage";
import { createRole, createUser } from "@/tests/factories";

let current: { viewer: { id: number }; access: Access } | null = null;
vi.mock("@/lib/access/request", () => ({ getAccess: async () => current }));

const { GET } = await import("./route.ts");

const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));
let root = "";
const ids = { admin: 0, listener: 0, other: 0, own: 0, foreign: 0, bare: 0, orphan: 0 };

async function as(userId: number) {
  current = { viewer: { id: userId }, access: await loadAccess(db, userId) };
}
const get = (callId: number | string, headers: Record<string, string> = {}, query = "") =>
  GET(new Request(`http://console.test/api/telephony/recordings/${callId}${query}`, { headers }), {
    params: Promise.resolve({ callId: String(callId) }),
  });

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "rec-route-"));
  process.env.RECORDINGS_DIR = root;
  const admin = await createUser(db, { isPortalAdmin: true });
  const listener = await createUser(db);
  const other = await createUser(db);
  await createRole(
    db,
    "TELEPHONY",
    { [TELEPHONY.recordingListen.key]: LEVEL.LOW, [TELEPHONY.recordingModify.key]: LEVEL.NONE },
    [{ kind: "USER", refId: listener.id }],
  );
  const call = (employeeId: number | null, n: number, recording: string | null) =>
    db.call.create({
      data: {
        externalId: `rec-${n}`,
        employeeId,
        direction: "INCOMING",
        status: "ANSWERED",
        phoneNumber: "+4930555100",
        startedAt: new Date("2026-12-01T10:00:00Z"),
        durationSeconds: 30,
        recordingPath: recording,
        recordingBytes: recording ? BYTES.length : null,
        recordingType: recording ? "audio/wav" : null,
      },
    });
  await recordingStorage().put("t/own.wav", Readable.from([BYTES]), { maxBytes: 10_000 });
  await recordingStorage().put("t/foreign.wav", Readable.from([BYTES]), { maxBytes: 10_000 });
  Object.assign(ids, {
    admin: admin.id,
    listener: listener.id,
    other: other.id,
    own: (await call(listener.id, 1, "t/own.wav")).id,
    foreign: (await call(other.id, 2, "t/foreign.wav")).id,
    bare: (await call(listener.id, 3, null)).id,
    orphan: (await call(null, 4, "t/foreign.wav")).id,
  });
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("GET /api/telephony/recordings/[callId]", () => {
  it("serves the whole recording with Accept-Ranges and its type", async () => {
    await as(ids.listener);
    const response = await get(ids.own);
    expect(response.status).toBe(200);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=400-599", 400, 599],
    ["bytes=900-", 900, 999],
    ["bytes=990-5000", 990, 999],
    ["bytes=-10", 990, 999],
    ["bytes=-5000", 0, 999],
  ])("answers %s with 206 and exactly those bytes", async (range, start, end) => {
    await as(ids.listener);
    const response = await get(ids.own, { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES.subarray(start, end + 1));
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("answers %s with 416", async (range) => {
    await as(ids.listener);
    const response = await get(ids.own, { range });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });

  it("gives the same 404 for another's call, no recording, no employee, unknown and malformed ids", async () => {
    await as(ids.listener);
    const bodies = [];
    for (const id of [ids.foreign, ids.bare, ids.orphan, 99_999_999, "abc", "1e3"]) {
      const response = await get(id, { range: "bytes=0-9" });
      expect(response.status).toBe(404);
      bodies.push(await response.text());
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it("lets only portal administrators download, with an attachment disposition", async () => {
    await as(ids.listener);
    expect((await get(ids.own, {}, "?download=1")).status).toBe(404);
    await as(ids.admin);
    const response = await get(ids.foreign, {}, "?download=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="call-\d+-2026-12-01\.wav"$/);
    expect((await get(ids.orphan)).status).toBe(200);
  });

  it("refuses unauthenticated requests", async () => {
    current = null;
    expect((await get(ids.own)).status).toBe(401);
  });
});

describe("deleting a recording", () => {
  it("only within the modify scope; clears the columns, audits, removes the file", async () => {
    const listener = await loadAccess(db, ids.listener);
    await expect(deleteRecording(db, listener, recordingStorage(), ids.own)).rejects.toThrow(/not found/i);
    const admin = await loadAccess(db, ids.admin);
    await expect(deleteRecording(db, admin, recordingStorage(), ids.bare)).rejects.toThrow(/not found/i);
    expect(await deleteRecording(db, admin, recordingStorage(), ids.own)).toEqual({ deleted: ids.own });
    const call = await db.call.findUniqueOrThrow({ where: { id: ids.own } });
    expect([call.recordingPath, call.recordingBytes, call.recordingType]).toEqual([null, null, null]);
    expect(await recordingStorage().size("t/own.wav")).toBeNull();
    const audit = await db.auditEvent.findFirst({
      where: { action: "call.recording.delete", entityId: String(ids.own) },
    });
    expect(audit?.actorId).toBe(ids.admin);
    await as(ids.listener);
    expect((await get(ids.own)).status).toBe(404);
  });
});

describe("parseRange", () => {
  it("ignores what is not a single byte range and reads the rest", () => {
    expect(parseRange(null, 10)).toEqual({ kind: "full" });
    expect(parseRange("items=0-1", 10)).toEqual({ kind: "full" });
    expect(parseRange("bytes=0-1,4-5", 10)).toEqual({ kind: "full" });
    expect(parseRange("bytes=5-2", 10)).toEqual({ kind: "full" });
    expect(parseRange("bytes=2-4", 10)).toEqual({ kind: "partial", range: { start: 2, end: 4 } });
    expect(parseRange("bytes=-3", 10)).toEqual({ kind: "partial", range: { start: 7, end: 9 } });
    expect(parseRange("bytes=10-", 10)).toEqual({ kind: "unsatisfiable" });
  });
});
