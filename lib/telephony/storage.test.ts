import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChecksumMismatchError, localRecordingStorage, StorageLimitError } from "./storage.ts";

/** `size` bytes produced in 64 KiB chunks, never held at once. */
function generated(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = Buffer.alloc(Math.min(65_536, left), left % 251);
      left -= chunk.length;
      this.push(chunk);
    },
  });
}

describe("local recording storage", () => {
  let root = "";
  let storage: ReturnType<typeof localRecordingStorage>;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "recordings-"));
    storage = localRecordingStorage(root);
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("streams an upload in, with its size and checksum, and reads back whole or by range", async () => {
    const stored = await storage.put("2026/12/call-1.wav", Readable.from(["RIFF", "0123456789"]), { maxBytes: 100 });
    expect(stored).toEqual({ bytes: 14, sha256: createHash("sha256").update("RIFF0123456789").digest("hex") });
    expect(await storage.size("2026/12/call-1.wav")).toBe(14);
    expect(await text(storage.read("2026/12/call-1.wav"))).toBe("RIFF0123456789");
    expect(await text(storage.read("2026/12/call-1.wav", { start: 4, end: 6 }))).toBe("012");
  });

  it("refuses an upload past the limit and leaves nothing behind", async () => {
    await expect(storage.put("big.wav", generated(5_000_000), { maxBytes: 1_000_000 })).rejects.toBeInstanceOf(
      StorageLimitError,
    );
    expect(await storage.size("big.wav")).toBeNull();
    expect((await fs.readdir(root)).filter((name) => name.includes(".part-"))).toEqual([]);
  });

  it("refuses an upload whose checksum does not match, and keeps the earlier file", async () => {
    await storage.put("call-2.wav", Readable.from(["first"]), { maxBytes: 100 });
    await expect(
      storage.put("call-2.wav", Readable.from(["second"]), { maxBytes: 100, expectedSha256: "00".repeat(32) }),
    ).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(await text(storage.read("call-2.wav"))).toBe("first");
  });

  it("refuses keys that could leave its directory", async () => {
    for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", ".hidden"])
      await expect(storage.put(key, Readable.from(["x"]), { maxBytes: 10 }), key).rejects.toThrow(
        /invalid storage key/,
      );
    await storage.delete("missing.wav");
    expect(await storage.size("missing.wav")).toBeNull();
  });
});
