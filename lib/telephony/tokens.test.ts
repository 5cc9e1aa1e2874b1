import { describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { authenticateToken, createApiToken, hashToken, listApiTokens, revokeApiToken } from "./tokens.ts";

describe("API tokens", () => {
  it("a created token is shown once, stored only as its hash, and authenticates until revoked", async () => {
    const admin = await createUser(db);
    const created = await createApiToken(db, { name: "PBX", actorId: admin.id });
    expect(created.token).toMatch(/^mbc_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(`mbc_${created.prefix}_`)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(13));

    expect(await authenticateToken(db, `Bearer ${created.token}`)).toEqual({ id: created.id, name: "PBX" });
    const used = (await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    expect(used).not.toBeNull();
    // Within a minute the timestamp is not rewritten on every request.
    await authenticateToken(db, `Bearer ${created.token}`);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(used);

    await revokeApiToken(db, { id: created.id, actorId: admin.id });
    await revokeApiToken(db, { id: created.id, actorId: admin.id });
    expect(await authenticateToken(db, `Bearer ${created.token}`)).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { entityType: "ApiToken", entityId: String(created.id) } });
    expect(audit.map((event) => event.action).sort()).toEqual(["apiToken.create", "apiToken.revoke"]);
    expect(JSON.stringify(audit.map((event) => [event.before, event.after]))).not.toContain(created.token);
    expect((await listApiTokens(db)).find((token) => token.id === created.id)?.revokedAt).not.toBeNull();
  });

  it("missing, malformed and unknown tokens are refused", async () => {
    const created = await createApiToken(db, { name: "Other", actorId: null });
    for (const header of [
      null,
      "",
      created.token,
      `Basic ${created.token}`,
      `Bearer ${created.token}x`,
      `Bearer ${created.token.slice(0, -1)}A`,
      `Bearer mbc_${created.prefix}_${"A".repeat(43)}`,
      `Bearer ${"x".repeat(10_000)}`,
      "Bearer \u0000",
    ]) {
      expect(await authenticateToken(db, header)).toBeNull();
    }
    expect(await authenticateToken(db, `bearer  ${created.token}`)).not.toBeNull();
  });
});
