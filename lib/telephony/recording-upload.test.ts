import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { NotFoundError } from "../errors.ts";
import { EmptyRecordingError, recordingType, storeRecording } from "./recording-upload.ts";
import { ChecksumMismatchError, localRecordingStorage, StorageLimitError } from "./storage.ts";

const audio = (text: string) => Readable.from([Buffer.from(text)]);
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("recording uploads", () => {
  let root = "";
  let storage: ReturnType<typeof localRecordingStorage>;
  const files = async () =>
    (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "recordings-upload-"));
    storage = localRecordingStorage(root);
    const user = await createUser(db);
    await db.call.create({
      data: {
        externalId: "rec-1",
        employeeId: user.id,
        direction: "INCOMING",
        status: "ANSWERED",
        phoneNumber: "+4930555",
        startedAt: new Date("2026-11-30T10:00:00Z"),
      },
    });
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("accepts only the audio types of the allow-list", () => {
    expect(recordingType("audio/mpeg")).toBe("audio/mpeg");
    expect(recordingType("Audio/WAV; codecs=1")).toBe("audio/wav");
    for (const type of [null, "", "text/html", "audio/", "application/octet-stream", "audio/mpegx", "__proto__"])
      expect(recordingType(type)).toBeNull();
  });

  it("stores a recording, and a replacement removes the old file", async () => {
    const first = await storeRecording(db, storage, {
      externalId: "rec-1",
      type: "audio/wav",
      body: audio("first"),
      maxBytes: 100,
      expectedSha256: sha("first"),
    });
    expect(first).toMatchObject({ bytes: 5, sha256: sha("first"), replaced: false });
    const call = await db.call.findUniqueOrThrow({ where: { externalId: "rec-1" } });
    expect(call).toMatchObject({ recordingBytes: 5, recordingSha256: sha("first"), recordingType: "audio/wav" });
    expect(call.recordingPath).toMatch(/^calls\/2026\/11\/\d+-[0-9a-f]{12}\.wav$/);
    expect(call.recordedAt).not.toBeNull();

    const second = await storeRecording(db, storage, {
      externalId: "rec-1",
      type: "audio/mpeg",
      body: audio("second!"),
      maxBytes: 100,
    });
    expect(second.replaced).toBe(true);
    const replaced = await db.call.findUniqueOrThrow({ where: { externalId: "rec-1" } });
    expect(replaced.recordingPath).toMatch(/\.mp3$/);
    expect(await files()).toHaveLength(1);
    expect(await storage.size(call.recordingPath!)).toBeNull();
    expect(await storage.size(replaced.recordingPath!)).toBe(7);
  });

  it("too large, a checksum mismatch or an empty body: refused, the call and the files unchanged", async () => {
    const before = await db.call.findUniqueOrThrow({ where: { externalId: "rec-1" } });
    const attempt = (body: string, options: { maxBytes?: number; expectedSha256?: string } = {}) =>
      storeRecording(db, storage, {
        externalId: "rec-1",
        type: "audio/ogg",
        body: audio(body),
        maxBytes: 10,
        ...options,
      });
    await expect(attempt("x".repeat(11))).rejects.toBeInstanceOf(StorageLimitError);
    await expect(attempt("abc", { expectedSha256: sha("abd") })).rejects.toBeInstanceOf(ChecksumMismatchError);
    await expect(attempt("")).rejects.toBeInstanceOf(EmptyRecordingError);
    expect(await db.call.findUniqueOrThrow({ where: { externalId: "rec-1" } })).toEqual(before);
    expect(await files()).toHaveLength(1);
  });

  it("an unknown call: 404, nothing stored", async () => {
    await expect(
      storeRecording(db, storage, { externalId: "nope", type: "audio/ogg", body: audio("a"), maxBytes: 10 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await files()).toHaveLength(1);
  });
});
