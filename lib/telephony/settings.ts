// The company-wide telephony settings (one row, id 1): default outgoing number, number blacklist,
// recording retention. Every change is one transaction with its audit entry, so nothing is half
// saved and nothing changes unrecorded.
import "server-only";
import { recordAudit } from "../audit/index.ts";
import type { Database, Db, Transaction } from "../db.ts";
import { ValidationError } from "../errors.ts";

const SETTINGS_ID = 1;
/** A bound for the list the outgoing-call check reads on every call. */
export const MAX_BLACKLIST = 5_000;

export async function getTelephonySettings(db: Db) {
  const row = await db.telephonySettings.findUnique({ where: { id: SETTINGS_ID } });
  return {
    defaultOutgoingNumberId: row?.defaultOutgoingNumberId ?? null,
    blacklist: row?.blacklist ?? [],
    recordingRetentionDays: row?.recordingRetentionDays ?? null,
  };
}

type Settings = Awaited<ReturnType<typeof getTelephonySettings>>;

async function change(
  db: Database,
  actorId: number,
  action: string,
  update: (current: Settings, tx: Transaction) => Promise<Partial<Settings> | null>,
) {
  await db.$transaction(async (tx) => {
    // The row is locked so two admins adding numbers at once both end up in the list.
    await tx.$executeRaw`INSERT INTO "TelephonySettings" (id, "updatedAt") VALUES (${SETTINGS_ID}, now()) ON CONFLICT (id) DO NOTHING`;
    await tx.$queryRaw`SELECT id FROM "TelephonySettings" WHERE id = ${SETTINGS_ID} FOR UPDATE`;
    const current = await getTelephonySettings(tx);
    const next = await update(current, tx);
    if (!next) return;
    await tx.telephonySettings.update({ where: { id: SETTINGS_ID }, data: next });
    const before = Object.fromEntries(Object.keys(next).map((key) => [key, current[key as keyof Settings]]));
    await recordAudit(tx, {
      actorId,
      action,
      entityType: "TelephonySettings",
      entityId: SETTINGS_ID,
      before,
      after: next,
    });
  });
}

export function saveGeneralSettings(
  db: Database,
  actorId: number,
  input: { defaultOutgoingNumberId: number | null; recordingRetentionDays: number | null },
) {
  return change(db, actorId, "telephonySettings.update", async (current, tx) => {
    if (input.defaultOutgoingNumberId !== null) {
      const number = await tx.phoneNumber.findUnique({ where: { id: input.defaultOutgoingNumberId } });
      if (!number) throw new ValidationError({ defaultOutgoingNumberId: "invalid" });
    }
    if (
      current.defaultOutgoingNumberId === input.defaultOutgoingNumberId &&
      current.recordingRetentionDays === input.recordingRetentionDays
    )
      return null;
    return input;
  });
}

/** `number` is already normalised (the schema does it). */
export function addToBlacklist(db: Database, actorId: number, number: string) {
  return change(db, actorId, "telephonySettings.blacklistAdd", async (current) => {
    if (current.blacklist.includes(number)) throw new ValidationError({ number: "alreadyBlacklisted" });
    if (current.blacklist.length >= MAX_BLACKLIST) throw new ValidationError({ number: "tooMany" });
    return { blacklist: [...current.blacklist, number].sort() };
  });
}

export function removeFromBlacklist(db: Database, actorId: number, number: string) {
  return change(db, actorId, "telephonySettings.blacklistRemove", async (current) => {
    if (!current.blacklist.includes(number)) return null;
    return { blacklist: current.blacklist.filter((entry) => entry !== number) };
  });
}
