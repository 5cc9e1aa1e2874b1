// Key rotation (DESIGN §6): after a new key is added and made active, every stored secret that
// is still under an older key is re-encrypted with the active one. Then the old key can go.
import type { Database } from "../db.ts";
import { decryptSecret, encryptSecret, type Keyring, keyIdOf, keyringFromEnv, secretContext } from "./secrets.ts";

export async function rotateSecrets(db: Database, keyring: Keyring = keyringFromEnv(), batchSize = 500) {
  let rotated = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db.mailbox.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, imapPasswordEnc: true, smtpPasswordEnc: true },
    });
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;
    for (const row of rows) {
      const data: { imapPasswordEnc?: string; smtpPasswordEnc?: string } = {};
      if (keyIdOf(row.imapPasswordEnc) !== keyring.activeKeyId) {
        const context = secretContext(row.id, "imapPassword");
        data.imapPasswordEnc = encryptSecret(decryptSecret(row.imapPasswordEnc, context, keyring), context, keyring);
      }
      if (row.smtpPasswordEnc && keyIdOf(row.smtpPasswordEnc) !== keyring.activeKeyId) {
        const context = secretContext(row.id, "smtpPassword");
        data.smtpPasswordEnc = encryptSecret(decryptSecret(row.smtpPasswordEnc, context, keyring), context, keyring);
      }
      if (Object.keys(data).length === 0) continue;
      // Only if nobody changed the password meanwhile: a concurrent edit wins over the rotation.
      const updated = await db.mailbox.updateMany({
        where: { id: row.id, imapPasswordEnc: row.imapPasswordEnc, smtpPasswordEnc: row.smtpPasswordEnc },
        data,
      });
      rotated += updated.count;
    }
  }
  return { rotated };
}
