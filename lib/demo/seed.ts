// The demo organisation, seeded on first start and by `npm run db:seed` (which starts over).
// Deterministic: the same random seed and reference time give the same rows.

import { ensureDefaultRoles } from "../access/defaults.ts";
import { hashPassword } from "../auth/password.ts";
import type { Database, Db } from "../db.ts";
import { type RecordingStorage, recordingStorage } from "../telephony/storage.ts";
import { seedCrm } from "./crm.ts";
import { seedGroups } from "./groups.ts";
import { seedMailboxes } from "./mailboxes.ts";
import { seedOrganisation } from "./org.ts";
import { Random } from "./random.ts";
import { seedDemoRecordings } from "./recordings.ts";
import { seedTelephony } from "./telephony.ts";
import { seedTelephonyAccounts } from "./telephony-accounts.ts";

export const DEMO_PASSWORD = "demo";
const DEMO_SEED = 20261125;
// A fixed salt keeps the seed deterministic; acceptable only because "demo" is public anyway.
const DEMO_SALT = new TextEncoder().encode("demo-organisation-salt");

export interface SeedResult {
  seeded: boolean;
  users: number;
  departments: number;
  mailboxes: number;
}

export async function isSeeded(db: Database): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** Empties every application table (not the migration history) and restarts the id sequences. */
export async function resetDatabase(db: Db) {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"public"."${tablename.replace(/"/g, '""')}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export async function seedDemo(
  db: Database,
  options: { now?: Date; force?: boolean; recordings?: RecordingStorage } = {},
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  if (!options.force && (await isSeeded(db))) return { seeded: false, users: 0, departments: 0, mailboxes: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD, DEMO_SALT);
  return db.$transaction(
    async (tx) => {
      if (options.force) await resetDatabase(tx);
      await ensureDefaultRoles(tx);
      const random = new Random(DEMO_SEED);
      const org = await seedOrganisation(tx, random, passwordHash, now);
      await seedGroups(tx, random, org, passwordHash, now);
      const mailboxes = await seedMailboxes(tx, random, org, now);
      await seedTelephony(tx, random, org, now);
      await seedTelephonyAccounts(tx, random, org, now);
      await seedCrm(tx, random, org, now);
      await seedDemoRecordings(tx, options.recordings ?? recordingStorage());
      return {
        seeded: true,
        users: org.employees.length + org.externals.length,
        departments: org.departments.length,
        mailboxes,
      };
    },
    { timeout: 180_000, maxWait: 10_000 },
  );
}
