// npm run secrets:rotate — re-encrypts stored mail passwords with MAIL_SECRET_ACTIVE_KEY.
// Rotation: add the new key to MAIL_SECRET_KEYS, make it active, run this, then drop the old key.
import { prepareRuntime } from "./lib/runtime.ts";

const runtime = await prepareRuntime();
const { db, disconnectDb } = await import("../lib/db.ts");
const { rotateSecrets } = await import("../lib/mail/rotate.ts");
const { keyringFromEnv } = await import("../lib/mail/secrets.ts");
try {
  const keyring = keyringFromEnv();
  const { rotated } = await rotateSecrets(db, keyring);
  console.log(`re-encrypted ${rotated} mailbox(es) with key "${keyring.activeKeyId}"`);
} finally {
  await disconnectDb();
  await runtime.database.stop();
}
