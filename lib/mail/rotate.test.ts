import { describe, expect, it } from "vitest";
import { createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { reserveMailboxIds } from "../mailboxes/ids.ts";
import { rotateSecrets } from "./rotate.ts";
import { decryptSecret, encryptSecret, generateKey, keyIdOf, parseKeyring, secretContext } from "./secrets.ts";

describe("secret key rotation", () => {
  it("re-encrypts every secret under an old key with the active one, and nothing else changes", async () => {
    const k1 = generateKey();
    const k2 = generateKey();
    const old = parseKeyring(`k1:${k1}`);
    const owner = await createUser(db);
    const ids = await reserveMailboxIds(db, 3);
    for (const [index, id] of ids.entries()) {
      await db.mailbox.create({
        data: {
          id,
          ownerId: owner.id,
          email: `r${index}@t.test`,
          name: "r",
          imapHost: "h",
          imapPort: 993,
          imapSecurity: "SSL",
          imapLogin: "l",
          imapPasswordEnc: encryptSecret(`imap-${index}`, secretContext(id, "imapPassword"), old),
          smtpPasswordEnc: index === 1 ? encryptSecret("smtp-1", secretContext(id, "smtpPassword"), old) : null,
        },
      });
    }
    const rotatedRing = parseKeyring(`k2:${k2},k1:${k1}`, "k2");
    expect(await rotateSecrets(db, rotatedRing, 2)).toEqual({ rotated: 3 });
    const rows = await db.mailbox.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { id: true, imapPasswordEnc: true, smtpPasswordEnc: true },
    });
    const onlyNew = parseKeyring(`k2:${k2}`);
    for (const [index, row] of rows.entries()) {
      expect(keyIdOf(row.imapPasswordEnc)).toBe("k2");
      expect(decryptSecret(row.imapPasswordEnc, secretContext(row.id, "imapPassword"), onlyNew)).toBe(`imap-${index}`);
    }
    expect(decryptSecret(rows[1]!.smtpPasswordEnc!, secretContext(rows[1]!.id, "smtpPassword"), onlyNew)).toBe(
      "smtp-1",
    );
    // A second run has nothing left to do.
    expect(await rotateSecrets(db, rotatedRing)).toEqual({ rotated: 0 });
  });
});
