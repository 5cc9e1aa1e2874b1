import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { addMembers, createDepartment, createImapMailbox, createRole, createUser } from "../../tests/factories.ts";
import { startBlackhole } from "../../tests/fixtures/blackhole.ts";
import { loadAccess } from "../access/access.ts";
import { LEVEL, WEBMAIL } from "../access/catalog.ts";
import { ensureDefaultRoles } from "../access/defaults.ts";
import { db } from "../db.ts";
import { RateLimitedError } from "../errors.ts";
import { PUBLIC_ONLY } from "../mail/outbound.ts";
import { processBulkConnect, startBulkConnect } from "./bulk-connect.ts";
import { connectMailbox } from "./connect.ts";
import { CONNECTION_TEST_LIMIT, countConnectionTest } from "./connection-test-limit.ts";
import { bulkConnectInput, connectMailboxInput } from "./schemas.ts";
import { updateConnection } from "./settings.ts";

const TIMEOUTS = { connectionMs: 2_000, greetingMs: 2_000, socketMs: 5_000 };
const DOMAIN = "limit.test";

/** Uses up the person's connection tests for the current window. */
async function useUpTests(userId: number) {
  for (let index = 0; index < CONNECTION_TEST_LIMIT.limit; index += 1) await countConnectionTest(db, userId);
}

describe("the per-person limit on connection tests", () => {
  let dovecot: Dovecot;
  let listener: Awaited<ReturnType<typeof startBlackhole>>;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    [dovecot, listener] = await Promise.all([Dovecot.start(), startBlackhole()]);
    await ensureDefaultRoles(db);
    for (const name of ["head", "anna", "bruno", "carla"]) {
      ids[name] = (await createUser(db, { email: `${name}@staff.test`, firstName: name, lastName: "Test" })).id;
      await dovecot.addUser(`${name}@${DOMAIN}`, `${name}-pw`);
    }
    const team = await createDepartment(db, { name: "Team", headId: ids.head });
    await addMembers(db, team.id, [ids.anna!, ids.bruno!, ids.carla!]);
    await createRole(db, "WEBMAIL", { [WEBMAIL.editMailboxes.key]: LEVEL.MID }, [{ kind: "USER", refId: ids.head }]);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), listener?.stop()]);
  });

  it("ten tests per five minutes; the eleventh is refused with the wait, and nobody else is affected", async () => {
    expect(CONNECTION_TEST_LIMIT).toEqual({ limit: 10, windowMs: 300_000 });
    await useUpTests(ids.carla!);
    const refusal = await countConnectionTest(db, ids.carla!).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED" });
    const wait = Number((refusal as RateLimitedError).details?.retryAfterSeconds);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(300);
    await expect(countConnectionTest(db, ids.bruno!)).resolves.toBeUndefined();
  });

  it("connecting and re-tested saves count against it; once refused, no server is contacted", async () => {
    const anna = await loadAccess(db, ids.anna!);
    const existing = await createImapMailbox(db, ids.anna!, {
      port: dovecot.port,
      user: `anna@${DOMAIN}`,
      password: "anna-pw",
    });
    await useUpTests(ids.anna!);
    const toListener = connectMailboxInput.parse({
      ownerId: ids.anna,
      email: `anna.second@${DOMAIN}`,
      imapHost: "127.0.0.1",
      imapPort: listener.port,
      imapSecurity: "NONE",
      imapLogin: `anna@${DOMAIN}`,
      imapPassword: "anna-pw",
      smtpEnabled: false,
      syncPeriod: "7",
      saveSentCopy: true,
    });
    await expect(connectMailbox(db, anna, toListener, { timeouts: TIMEOUTS })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await expect(
      updateConnection(
        db,
        anna,
        {
          mailboxId: existing.id,
          imapHost: "127.0.0.1",
          imapPort: listener.port,
          imapSecurity: "NONE",
          imapLogin: `anna@${DOMAIN}`,
          imapPassword: "anna-pw",
          smtpEnabled: false,
          smtpLogin: undefined,
          smtpPassword: undefined,
          dailySendLimit: undefined,
        },
        { timeouts: TIMEOUTS },
      ),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(listener.accepted()).toBe(0);
    expect(await db.mailbox.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      imapPort: dovecot.port,
    });
  });

  it("bulk connect does not count against the administrator's limit, but is held to the address policy", async () => {
    const head = await loadAccess(db, ids.head!);
    await useUpTests(ids.head!);
    const batch = bulkConnectInput.parse({
      domain: DOMAIN,
      imapHost: "127.0.0.1",
      imapPort: dovecot.port,
      imapSecurity: "NONE",
      smtpEnabled: false,
      syncPeriod: "7",
      rows: [
        { userId: ids.bruno, email: `bruno@${DOMAIN}`, password: "bruno-pw" },
        { userId: ids.carla, email: `carla@${DOMAIN}`, password: "carla-pw" },
      ],
    });
    const runId = await startBulkConnect(db, head, batch);
    await processBulkConnect(db, head, runId, batch, { timeouts: TIMEOUTS });
    expect(await db.bulkConnectRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      status: "DONE",
      connected: 2,
      failed: 0,
    });

    const internal = bulkConnectInput.parse({
      ...batch,
      imapPort: listener.port,
      rows: [{ userId: ids.anna, email: `anna.bulk@${DOMAIN}`, password: "anna-pw" }],
    });
    const refusedRun = await startBulkConnect(db, head, internal);
    await processBulkConnect(db, head, refusedRun, internal, { timeouts: TIMEOUTS, outbound: PUBLIC_ONLY });
    const [row] = await db.bulkConnectRow.findMany({ where: { runId: refusedRun } });
    expect(row).toMatchObject({ outcome: "FAILED", reason: "ADDRESS_NOT_ALLOWED", detail: null });
    expect(listener.accepted()).toBe(0);
  });
});
