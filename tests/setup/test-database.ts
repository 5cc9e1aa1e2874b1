// Runs before each test file: a fresh database cloned from the migrated template, and the
// environment lib/env.ts expects. Nothing is mocked: the tests talk to real PostgreSQL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("postgresAdminUrl");
const template = inject("templateDatabase");
const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
await admin.end();

process.env.DATABASE_URL = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef";
process.env.MAIL_SECRET_KEYS ??= `t1:${Buffer.alloc(32, 7).toString("base64")}`;
process.env.MAIL_SECRET_ACTIVE_KEY ??= "t1";
// The test mail servers (Dovecot, SMTP peers, fault proxies) listen on 127.0.0.1 at ports chosen
// at run time: that one address is allowed. Set, not defaulted, so a developer's own setting cannot
// change what the tests see; the tests of the outbound policy pass an explicit empty allow-list.
process.env.MAIL_ALLOWED_NETWORKS = "127.0.0.1";

afterAll(async () => {
  const { disconnectDb } = await import("../../lib/db.ts");
  await disconnectDb();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
