// API tokens for the PBX (SPEC §5.3, DESIGN §8): 32 random bytes, shown once. Only the SHA-256 is
// stored, so a database leak does not hand out working tokens; the prefix lets people tell tokens
// apart in the list and in the audit log without the secret.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit/index.ts";
import type { Db } from "../db.ts";
import { NotFoundError } from "../errors.ts";

const TOKEN_FORMAT = /^mbc_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is a hint for people, not a log: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export interface CreatedToken {
  id: number;
  name: string;
  prefix: string;
  /** The whole token: returned this once, never stored. */
  token: string;
}

export async function createApiToken(db: Db, input: { name: string; actorId: number | null }): Promise<CreatedToken> {
  const secret = randomBytes(32).toString("base64url");
  // The prefix is not part of the secret's entropy: it is derived from the secret's hash.
  const prefix = hashToken(secret).slice(0, 8);
  const token = `mbc_${prefix}_${secret}`;
  const row = await db.apiToken.create({
    data: { name: input.name, prefix, tokenHash: hashToken(token), createdById: input.actorId },
    select: { id: true, name: true, prefix: true },
  });
  await recordAudit(db, {
    actorId: input.actorId,
    action: "apiToken.create",
    entityType: "ApiToken",
    entityId: row.id,
    after: { name: row.name, prefix: row.prefix },
  });
  return { ...row, token };
}

export async function revokeApiToken(db: Db, input: { id: number; actorId: number | null }) {
  const row = await db.apiToken.findUnique({ where: { id: input.id }, select: { name: true, revokedAt: true } });
  if (!row) throw new NotFoundError("API token");
  if (row.revokedAt) return; // revoking twice changes nothing and needs no second audit entry
  const revokedAt = new Date();
  const updated = await db.apiToken.updateMany({ where: { id: input.id, revokedAt: null }, data: { revokedAt } });
  if (updated.count === 0) return;
  await recordAudit(db, {
    actorId: input.actorId,
    action: "apiToken.revoke",
    entityType: "ApiToken",
    entityId: input.id,
    before: { name: row.name, revokedAt: null },
    after: { name: row.name, revokedAt },
  });
}

export function listApiTokens(db: Db) {
  return db.apiToken.findMany({
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
  });
}

export interface AuthenticatedToken {
  id: number;
  name: string;
}

/** The token of an `Authorization: Bearer …` header, or null for anything else. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

/** The live token a request carries, or null: missing, malformed, unknown and revoked look alike. */
export async function authenticateToken(db: Db, header: string | null): Promise<AuthenticatedToken | null> {
  const token = bearerToken(header);
  if (!token || token.length > 200 || !TOKEN_FORMAT.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { id: row.id, name: row.name };
}
