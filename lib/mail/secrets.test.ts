import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  generateKey,
  keyIdOf,
  parseKeyring,
  SecretKeyError,
  secretContext,
} from "./secrets.ts";

const k1 = generateKey();
const k2 = generateKey();

describe("mail credentials vault", () => {
  const keyring = parseKeyring(`k1:${k1}`);

  it("round-trips a secret and never stores it in clear", () => {
    const stored = encryptSecret("p@ssw0rd-ü", secretContext(7, "imapPassword"), keyring);
    expect(stored).toMatch(/^v1\.k1\./);
    expect(stored).not.toContain("p@ssw0rd");
    expect(decryptSecret(stored, secretContext(7, "imapPassword"), keyring)).toBe("p@ssw0rd-ü");
  });

  it("uses a fresh IV each time", () => {
    const context = secretContext(1, "imapPassword");
    expect(encryptSecret("same", context, keyring)).not.toBe(encryptSecret("same", context, keyring));
  });

  it("refuses a value moved to another mailbox or field", () => {
    const stored = encryptSecret("secret", secretContext(7, "imapPassword"), keyring);
    expect(() => decryptSecret(stored, secretContext(8, "imapPassword"), keyring)).toThrow(SecretKeyError);
    expect(() => decryptSecret(stored, secretContext(7, "smtpPassword"), keyring)).toThrow(SecretKeyError);
  });

  it("refuses a tampered value", () => {
    const stored = encryptSecret("secret", "ctx", keyring);
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), "ctx", keyring)).toThrow(SecretKeyError);
  });

  it("reads old values after rotation and writes new ones with the active key", () => {
    const old = encryptSecret("secret", "ctx", keyring);
    const rotated = parseKeyring(`k2:${k2},k1:${k1}`, "k2");
    expect(decryptSecret(old, "ctx", rotated)).toBe("secret");
    expect(keyIdOf(encryptSecret("secret", "ctx", rotated))).toBe("k2");
    expect(() => decryptSecret(old, "ctx", parseKeyring(`k2:${k2}`))).toThrow(/not in the keyring/);
  });

  it("rejects malformed keyrings", () => {
    expect(() => parseKeyring("k1:short")).toThrow(SecretKeyError);
    expect(() => parseKeyring(`k1:${k1}`, "k9")).toThrow(SecretKeyError);
  });
});
