// The production build, rebuilt only when something that goes into it changed since the last
// one (npm start, the grid benchmark).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];
export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const stampFile = path.join(".next", "console-build-fingerprint");

function fingerprint(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry) || entry.includes(`${path.sep}generated`)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    else hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const input of BUILD_INPUTS) visit(input);
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return (
    existsSync(path.join(".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint()
  );
}

/** Runs `next build` if the sources changed; resolves to its exit code (0 when nothing to do). */
export async function ensureBuild(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  const current = fingerprint();
  if (buildIsCurrent()) return 0;
  log("building the console (first start or changed sources)…");
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env }).on("exit", resolve),
  );
  if (code === 0) writeFileSync(stampFile, current);
  return code ?? 1;
}
