// Mail credentials at rest: AES-256-GCM with a keyring from the environment (DESIGN §6).
// Stored form: v1.<keyId>.<iv>.<ciphertext>.<tag> (base64url). The associated data binds a value
// to its row and field ("mailbox:42:imapPassword"), so a value copied into another row or column
// does not decrypt. Rotation: add a key, make it active, run `npm run secrets:rotate`, drop the old key.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env.ts";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

export interface Keyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export function parseKeyring(spec: string, activeKeyId?: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const part of spec
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const separator = part.indexOf(":");
    const id = part.slice(0, separator);
    const key = Buffer.from(part.slice(separator + 1), "base64");
    if (separator <= 0 || !/^[A-Za-z0-9_-]+$/.test(id))
      throw new SecretKeyError("MAIL_SECRET_KEYS: each entry is <id>:<base64 key>");
    if (key.length !== KEY_BYTES) throw new SecretKeyError(`MAIL_SECRET_KEYS: key "${id}" must be ${KEY_BYTES} bytes`);
    keys.set(id, key);
  }
  const first = keys.keys().next().value;
  const active = activeKeyId ?? first;
  if (!active || !keys.has(active))
    throw new SecretKeyError("MAIL_SECRET_ACTIVE_KEY does not name a key in MAIL_SECRET_KEYS");
  return { activeKeyId: active, keys };
}

let cached: Keyring | undefined;

export function keyringFromEnv(): Keyring {
  if (cached) return cached;
  const { MAIL_SECRET_KEYS, MAIL_SECRET_ACTIVE_KEY } = env();
  if (!MAIL_SECRET_KEYS) throw new SecretKeyError("MAIL_SECRET_KEYS is not set (npm start creates one under .data/)");
  cached = parseKeyring(MAIL_SECRET_KEYS, MAIL_SECRET_ACTIVE_KEY);
  return cached;
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString("base64");
}

export type SecretField = "imapPassword" | "smtpPassword";

export function secretContext(mailboxId: number, field: SecretField): string {
  return `mailbox:${mailboxId}:${field}`;
}

export function encryptSecret(plaintext: string, context: string, keyring: Keyring = keyringFromEnv()): string {
  const key = keyring.keys.get(keyring.activeKeyId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyring.activeKeyId, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptSecret(stored: string, context: string, keyring: Keyring = keyringFromEnv()): string {
  const [version, keyId, iv, ciphertext, tag] = stored.split(".");
  if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag) {
    throw new SecretKeyError("stored secret has an unknown format");
  }
  const key = keyring.keys.get(keyId);
  if (!key) throw new SecretKeyError(`secret was encrypted with key "${keyId}", which is not in the keyring`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // Wrong key, tampered value, or a value moved to another row/field: never reveal which.
    throw new SecretKeyError("stored secret could not be decrypted");
  }
}

/** The key id a stored value was encrypted with (for rotation). */
export function keyIdOf(stored: string): string | undefined {
  return stored.split(".")[1];
}
