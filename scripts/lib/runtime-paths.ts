// Where the parts that run as other users (PostgreSQL as `postgres`, Dovecot's mail processes as
// `mail`) keep their files. A checkout inside root's home (mode 700) is out of their reach, and a
// deep checkout makes unix socket paths longer than the 108 bytes Linux allows; such files then
// live in short, reachable places of their own — one per checkout, named after its path.
import { createHash } from "node:crypto";
import { mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const RUNNING_AS_ROOT = process.getuid?.() === 0;
/** Persistent state for what the checkout cannot hold (root only: it is the only one who needs it). */
const STATE_ROOT = "/var/lib/mailbox-console";

/** Whether a user other than the owner can get to `target` (every existing directory on the way lets others pass). */
export function othersCanReach(target: string): boolean {
  let current = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const entry of chain) {
    let mode: number;
    try {
      mode = statSync(entry).mode;
    } catch {
      continue; // not created yet: it will be created reachable
    }
    if ((mode & 0o001) === 0) return false;
  }
  return true;
}

const shortId = (value: string) => createHash("sha256").update(path.resolve(value)).digest("hex").slice(0, 10);

function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/**
 * `preferred` when other users can reach it; otherwise a reachable directory of the same name in
 * a per-checkout folder (named after the folder `preferred` is in) under /var/lib/mailbox-console
 * (kept, for data) or the temp directory (for tests and other throwaway data).
 */
export function reachableDir(preferred: string, kind: "kept" | "throwaway" = "kept"): string {
  const wanted = path.resolve(preferred);
  if (!RUNNING_AS_ROOT || othersCanReach(path.dirname(wanted))) return wanted;
  const base = ensureDir(kind === "kept" ? STATE_ROOT : path.join(os.tmpdir(), "mailbox-console"));
  return path.join(ensureDir(path.join(base, shortId(path.dirname(wanted)))), path.basename(wanted));
}

/** A short directory for unix sockets (Linux allows 108 bytes per socket path), one per `owner` path. */
export function socketDir(owner: string): string {
  return ensureDir(path.join(os.tmpdir(), `mbc-${shortId(owner)}`));
}
