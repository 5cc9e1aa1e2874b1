// Playable demo recordings: a few seconds of tones per answered demo call, written as real WAV
// files (RIFF, PCM 16-bit, 8 kHz mono — telephone quality) into the recording storage, so the
// call log's player has something to play. Deterministic: the same call gets the same bytes.
import { Readable } from "node:stream";
import type { Db } from "../db.ts";
import type { RecordingStorage } from "../telephony/storage.ts";

const SAMPLE_RATE = 8_000;
export const DEMO_RECORDINGS = 20;

/** A RIFF/WAVE file holding 16-bit little-endian mono PCM samples. */
export function wavFile(samples: Int16Array, sampleRate = SAMPLE_RATE): Buffer {
  const data = samples.length * 2;
  const file = Buffer.alloc(44 + data);
  file.write("RIFF", 0, "ascii");
  file.writeUInt32LE(36 + data, 4);
  file.write("WAVE", 8, "ascii");
  file.write("fmt ", 12, "ascii");
  file.writeUInt32LE(16, 16); // size of the fmt chunk
  file.writeUInt16LE(1, 20); // PCM
  file.writeUInt16LE(1, 22); // mono
  file.writeUInt32LE(sampleRate, 24);
  file.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  file.writeUInt16LE(2, 32); // bytes per frame
  file.writeUInt16LE(16, 34); // bits per sample
  file.write("data", 36, "ascii");
  file.writeUInt32LE(data, 40);
  for (let index = 0; index < samples.length; index += 1) file.writeInt16LE(samples[index]!, 44 + index * 2);
  return file;
}

/** Two-tone chimes (like DTMF pairs), a different little melody for each variant. */
export function demoTones(variant: number, seconds = 4): Int16Array {
  const low = [697, 770, 852, 941];
  const high = [1209, 1336, 1477, 1633];
  const samples = new Int16Array(SAMPLE_RATE * seconds);
  const noteLength = SAMPLE_RATE / 2; // half a second per tone, with a short pause
  for (let index = 0; index < samples.length; index += 1) {
    const note = Math.floor(index / noteLength);
    const position = index % noteLength;
    if (position > noteLength * 0.8) continue; // the pause between tones
    const pick = (variant * 7 + note * 3) % 16;
    const t = index / SAMPLE_RATE;
    const fade = Math.min(1, position / 80, (noteLength * 0.8 - position) / 80); // no clicks
    const value = Math.sin(2 * Math.PI * low[pick % 4]! * t) + Math.sin(2 * Math.PI * high[(pick >> 2) % 4]! * t);
    samples[index] = Math.round(value * 0.35 * fade * 32_767 * 0.5);
  }
  return samples;
}

/** Gives the first answered demo calls (of a reasonable length) a recording each. */
export async function seedDemoRecordings(db: Db, storage: RecordingStorage, count = DEMO_RECORDINGS) {
  const calls = await db.call.findMany({
    where: { externalId: { startsWith: "demo-" }, status: "ANSWERED", durationSeconds: { gte: 20 } },
    select: { id: true, externalId: true, startedAt: true, durationSeconds: true },
    orderBy: { id: "asc" },
    take: count,
  });
  for (const [variant, call] of calls.entries()) {
    const key = `demo/${call.externalId}.wav`;
    const stored = await storage.put(key, Readable.from([wavFile(demoTones(variant, 3 + (variant % 4)))]), {
      maxBytes: 1_000_000,
    });
    await db.call.update({
      where: { id: call.id },
      data: {
        recordingPath: key,
        recordingBytes: stored.bytes,
        recordingSha256: stored.sha256,
        recordingType: "audio/wav",
        recordedAt: new Date(call.startedAt.getTime() + call.durationSeconds * 1000),
      },
    });
  }
  return calls.length;
}
