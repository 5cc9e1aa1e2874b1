// The grid page as a browser gets it from `next start` on the benchmark database: time to first
// byte and to the last byte, and the gzip size of the JavaScript its HTML loads.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { ensureBuild, NEXT_BIN } from "../lib/build.ts";
import { percentile, round } from "./lib.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3217);
const COOKIE = "authjs.session-token";

function get(pathname: string, cookie: string): Promise<{ status: number; ttfb: number; total: number; body: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - start) / 1e6;
    const request = http.get({ host: "127.0.0.1", port: PORT, path: pathname, headers: { cookie } }, (response) => {
      let ttfb = 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        if (!ttfb) ttfb = since();
        chunks.push(chunk);
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          ttfb,
          total: since(),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
  });
}

async function waitForServer(child: ChildProcess) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const up = await get("/login", "").then(
      (response) => response.status === 200,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("next start did not come up");
}

export async function measurePage(options: {
  databaseUrl: string;
  authSecret: string;
  userId: number;
  sessionId: string;
  samples?: number;
}) {
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.authSecret,
    NODE_ENV: "production" as const,
  };
  if ((await ensureBuild(env, (line) => console.log(line))) !== 0) throw new Error("next build failed");
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(child);
    // A session cookie as Auth.js issues it after sign-in (same secret, salt and claims).
    const token = await encode({
      token: { sub: String(options.userId), uid: String(options.userId), sid: options.sessionId },
      secret: options.authSecret,
      salt: COOKIE,
      maxAge: 3600,
    });
    const cookie = `${COOKIE}=${token}`;
    const target = "/webmail/mailboxes";
    const first = await get(target, cookie);
    if (first.status !== 200) throw new Error(`${target} answered ${first.status}`);
    for (let index = 0; index < 10; index += 1) await get(target, cookie);
    const samples = options.samples ?? 50;
    const ttfb: number[] = [];
    const total: number[] = [];
    for (let index = 0; index < samples; index += 1) {
      const response = await get(target, cookie);
      ttfb.push(response.ttfb);
      total.push(response.total);
    }
    // Every script the page's HTML loads (Next lists the route's client chunks there).
    const scripts = [
      ...new Set(
        [...first.body.matchAll(/<script(?![^>]*noModule)[^>]+src="([^"]+\.js)"/gi)].map((match) => match[1]!),
      ),
    ];
    let gzip = 0;
    let raw = 0;
    for (const src of scripts) {
      const file = readFileSync(
        path.join(".next", decodeURIComponent(src.replace(/^\/_next\//, "")).replace(/\?.*$/, "")),
      );
      raw += file.length;
      gzip += gzipSync(file, { level: 9 }).length;
    }
    return {
      samples,
      ttfbP50: round(percentile(ttfb, 50)),
      ttfbP95: round(percentile(ttfb, 95)),
      totalP50: round(percentile(total, 50)),
      scripts: scripts.length,
      jsKb: round(gzip / 1024, 1),
      rawKb: round(raw / 1024, 1),
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  }
}
