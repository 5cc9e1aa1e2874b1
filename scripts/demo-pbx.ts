// npm run demo:pbx — a small PBX simulator for the demo: every few seconds it reports a call of a
// random demo employee through the console's real HTTP API (POST /api/telephony/v1/calls), now
// and then with a recording (PUT …/recording), and prints what it sent and what the console said.
// Options: --base http://localhost:3000  --interval 5 (seconds)  --count N (then stop).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATA_DIR } from "./lib/database.ts";
import { prepareRuntime } from "./lib/runtime.ts";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    interval: { type: "string", default: "5" },
    count: { type: "string" },
  },
});
const base = values.base.replace(/\/+$/, "");
const intervalMs = Math.max(0.2, Number(values.interval) || 5) * 1000;
const count = values.count ? Number(values.count) : Number.POSITIVE_INFINITY;
const log = (line: string) => console.log(`[demo-pbx] ${line}`);

const runtime = await prepareRuntime(() => {});
const { db, disconnectDb } = await import("../lib/db.ts");
const { authenticateToken, createApiToken } = await import("../lib/telephony/tokens.ts");
const { demoTones, wavFile } = await import("../lib/demo/recordings.ts");

// The token is shown once, so the simulator keeps its own copy beside the console's other secrets.
const TOKEN_FILE = path.join(DATA_DIR, "pbx-simulator.token");
async function simulatorToken(): Promise<string> {
  if (existsSync(TOKEN_FILE)) {
    const saved = readFileSync(TOKEN_FILE, "utf8").trim();
    if (await authenticateToken(db, `Bearer ${saved}`)) return saved;
    log("the saved token was revoked or is unknown: creating a new one");
  }
  const created = await db.$transaction((tx) => createApiToken(tx, { name: "PBX simulator", actorId: null }));
  await fs.writeFile(TOKEN_FILE, `${created.token}\n`, { mode: 0o600 });
  log(`created the API token "PBX simulator" (mbc_${created.prefix}_…), saved in ${TOKEN_FILE}`);
  return created.token;
}

const token = await simulatorToken();
const employees = await db.user.findMany({
  where: { kind: "EMPLOYEE", status: "ACTIVE" },
  select: { email: true },
  orderBy: { id: "asc" },
  take: 200,
});
const clientNumbers = (await db.crmContact.findMany({ select: { phones: true }, take: 200 })).flatMap((c) => c.phones);
await disconnectDb();
if (employees.length === 0) {
  log("no employees in the database: start the console once (npm start) so the demo is seeded");
  process.exit(1);
}

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const randomNumber = () => `+49 30 ${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

async function send(
  method: string,
  url: string,
  body: BodyInit,
  contentType: string,
  extra: Record<string, string> = {},
) {
  try {
    const response = await fetch(`${base}${url}`, {
      method,
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": contentType, ...extra },
    });
    return `${response.status} ${await response.text()}`;
  } catch (error) {
    return `no answer from ${base} (${error instanceof Error ? error.message : error}) — is the console running?`;
  }
}

async function oneCall(index: number) {
  const roll = Math.random();
  const status = roll < 0.7 ? "answered" : roll < 0.9 ? "missed" : roll < 0.95 ? "busy" : "failed";
  const call = {
    externalId: `pbx-sim-${randomUUID()}`,
    direction: Math.random() < 0.55 ? "incoming" : "outgoing",
    status,
    employee: { email: pick(employees).email },
    phoneNumber: clientNumbers.length && Math.random() < 0.6 ? pick(clientNumbers) : randomNumber(),
    lineNumber: "+4930555100",
    startedAt: new Date().toISOString(),
    durationSeconds: status === "answered" ? Math.floor(15 + Math.random() * 600) : 0,
  };
  log(`#${index} POST /api/telephony/v1/calls ${JSON.stringify(call)}`);
  log(`#${index} ← ${await send("POST", "/api/telephony/v1/calls", JSON.stringify(call), "application/json")}`);
  if (status === "answered" && Math.random() < 0.4) {
    const wav = wavFile(demoTones(index, 3));
    const sha256 = createHash("sha256").update(wav).digest("hex");
    const url = `/api/telephony/v1/calls/${call.externalId}/recording`;
    log(`#${index} PUT ${url} (audio/wav, ${wav.length} bytes)`);
    log(`#${index} ← ${await send("PUT", url, new Uint8Array(wav), "audio/wav", { "x-content-sha256": sha256 })}`);
  }
}

log(`sending a call every ${intervalMs / 1000} s to ${base}; Ctrl-C stops`);
let stopped = false;
const stop = async () => {
  stopped = true;
  await runtime.database.stop(); // leaves a database the console started running
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
for (let index = 1; index <= count && !stopped; index += 1) {
  await oneCall(index);
  if (index < count) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
await stop();
