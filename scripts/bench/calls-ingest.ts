// Call ingestion throughput: generated call records through ingestCalls, the function behind
// POST /api/telephony/v1/calls (not HTTP, so the figure is the database path alone). Target:
// ≥ 2,000 records/s in batches of 1,000. Run on its own: it makes its own database.
import { pathToFileURL } from "node:url";
import type { Db } from "../../lib/db.ts";

const CALLERS = 50;

export async function measureIngestion(
  db: Db,
  { records = 20_000, batch = 1_000 }: { records?: number; batch?: number } = {},
): Promise<{ perSecond: number; records: number; seconds: number }> {
  const { ingestCalls } = await import("../../lib/telephony/ingest.ts");
  const run = `bench-${Date.now().toString(36)}`;
  // A few employees to resolve, by e-mail and by extension, like a PBX would name them.
  const callers: { email: string; extension: string }[] = [];
  for (let index = 0; index < CALLERS; index += 1) {
    const email = `${run}-caller${index}@bench.test`;
    const user = await db.user.create({ data: { email, firstName: "Bench", lastName: `Caller ${index}` } });
    const extension = `${run.slice(-6)}${index}`.slice(-20);
    await db.userPhoneSettings.create({ data: { userId: user.id, extension } });
    callers.push({ email, extension });
  }
  // Spread over the time before now: the API refuses calls that start in the future.
  const start = Date.now() - records * 37_000 - 86_400_000;
  const record = (index: number) => {
    const caller = callers[index % CALLERS]!;
    return {
      externalId: `${run}-${index}`,
      direction: index % 3 ? "incoming" : "outgoing",
      status: ["answered", "answered", "missed", "busy"][index % 4],
      employee: index % 2 ? { email: caller.email } : { extension: caller.extension },
      phoneNumber: `+49 30 ${5_550_000 + (index % 9_999)}`,
      startedAt: new Date(start + index * 37_000).toISOString(),
      durationSeconds: index % 600,
    };
  };
  const began = process.hrtime.bigint();
  for (let offset = 0; offset < records; offset += batch) {
    const slice = Array.from({ length: Math.min(batch, records - offset) }, (_, index) => record(offset + index));
    const results = await ingestCalls(db, slice);
    const failed = results.find((result) => result.status !== "created");
    if (failed) throw new Error(`record ${offset + failed.index} was ${failed.status}: ${failed.reason ?? ""}`);
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  return { perSecond: Math.round(records / seconds), records, seconds: Number(seconds.toFixed(2)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { benchDatabase } = await import("./lib.ts");
  const database = await benchDatabase("bench_calls");
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789";
  const { db } = await import("../../lib/db.ts");
  const result = await measureIngestion(db, { records: 20_000, batch: 1_000 });
  console.log(`calls ingestion: ${result.records} records in ${result.seconds} s = ${result.perSecond} records/s`);
  await db.$disconnect();
  await database.stop();
}
