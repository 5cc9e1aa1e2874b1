import { expect, type Page, test } from "@playwright/test";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { SmtpPeer } from "../fixtures/smtp.ts";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { E2E_IMAP_PORT, E2E_SMTP_PORT } from "./mail-ports.ts";

test.describe.configure({ mode: "serial" });

let dovecot: Dovecot;
let smtp: SmtpPeer;
test.beforeAll(async () => {
  // On the ports the console under test allows (MAIL_ALLOWED_NETWORKS): elsewhere it would refuse them.
  [dovecot, smtp] = await Promise.all([
    Dovecot.start({ preferredPort: E2E_IMAP_PORT }),
    SmtpPeer.start({ port: E2E_SMTP_PORT }),
  ]);
  if (dovecot.port !== E2E_IMAP_PORT) throw new Error(`port ${E2E_IMAP_PORT} is taken: set E2E_IMAP_PORT`);
  await dovecot.addUser("jonas.weber@e2e.test", "right-password");
  smtp.addUser("jonas.weber@e2e.test", "right-password");
  await dovecot.seed(
    "jonas.weber@e2e.test",
    "INBOX",
    Array.from({ length: 25 }, (_, index) => ({ subject: `Hello ${index}`, flags: index % 2 ? ["S" as const] : [] })),
  );
});
test.afterAll(async () => {
  await Promise.all([dovecot?.stop(), smtp?.stop()]);
});

async function fillServers(page: Page, options: { smtp: boolean }) {
  await page.getByLabel("IMAP server").fill("127.0.0.1");
  await page.getByLabel("Security").first().selectOption("NONE");
  await page.getByLabel("Port").first().fill(String(dovecot.port));
  if (options.smtp) {
    await page.getByLabel("SMTP server").fill("127.0.0.1");
    await page.getByLabel("Security").nth(1).selectOption("NONE");
    await page.getByLabel("Port").nth(1).fill(String(smtp.port));
  } else {
    await page.getByLabel("Send mail through SMTP").uncheck();
  }
}

test.describe("connecting a mailbox", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("a wrong password is explained; the right one connects, and the mailbox syncs", async ({ page }) => {
    await page.goto("/webmail/my");
    await page.getByRole("link", { name: "Connect mailbox" }).click();
    await expect(page).toHaveURL("/webmail/connect");
    await page.getByLabel("Email address").fill("jonas.weber@e2e.test");
    await fillServers(page, { smtp: true });
    await expect(page.getByLabel("Login", { exact: true })).toHaveValue("jonas.weber@e2e.test");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByTestId("connect-mailbox").click();
    const error = page.getByTestId("connection-error");
    await expect(error).toContainText("The IMAP server could not be used");
    await expect(error).toContainText(
      "Authentication failed — check the login and password. If the account uses two-factor authentication, use an app password.",
    );
    expect(await e2eQuery(`SELECT id FROM "Mailbox" WHERE email = 'jonas.weber@e2e.test'`)).toHaveLength(0);

    await page.getByLabel("Password", { exact: true }).fill("right-password");
    await page.getByTestId("test-connection").click();
    await expect(page.getByTestId("connection-ok")).toContainText("The connection works. 4 folders found.");
    await page.getByTestId("connect-mailbox").click();
    await expect(page).toHaveURL(/\/webmail\/mailboxes\/\d+$/);
    await expect(page.getByRole("heading", { name: "jonas.weber@e2e.test" })).toBeVisible();
    // The worker syncs it at once: the status panel follows queued → syncing → synced.
    const status = page.getByTestId("status-panel").getByTestId("sync-status");
    await expect(status).toHaveAttribute("data-sync-state", "IDLE", { timeout: 30_000 });
    await expect(status).toHaveAttribute("data-status", "OK");
    await expect(page.getByTestId("folder-list")).toContainText("INBOX");
    const [row] = await e2eQuery<{ messageCount: number; unreadCount: number }>(
      `SELECT "messageCount", "unreadCount" FROM "Mailbox" WHERE email = 'jonas.weber@e2e.test'`,
    );
    expect(row).toEqual({ messageCount: 25, unreadCount: 13 });

    // The stored secret never reaches the browser, on any of the mailbox's pages.
    const [secret] = await e2eQuery<{ id: number; imapPasswordEnc: string }>(
      `SELECT id, "imapPasswordEnc" FROM "Mailbox" WHERE email = 'jonas.weber@e2e.test'`,
    );
    for (const tab of ["general", "connection", "sharing"]) {
      const html = await (await page.request.get(`/webmail/mailboxes/${secret!.id}?tab=${tab}`)).text();
      expect(html).not.toContain(secret!.imapPasswordEnc);
      expect(html).not.toContain("right-password");
      expect(html).not.toContain("imapPasswordEnc");
    }
  });

  test("Sync now shows the sync happening and a new time when it is done", async ({ page }) => {
    const [{ id, lastSyncAt }] = await e2eQuery<{ id: number; lastSyncAt: Date }>(
      `SELECT id, "lastSyncAt" FROM "Mailbox" WHERE email = 'jonas.weber@e2e.test'`,
    );
    await page.goto("/webmail/my");
    const row = page.locator(`[data-mailbox-id="${id}"]`);
    await row.getByTestId("sync-now").click();
    await expect(row.getByTestId("sync-status")).not.toHaveAttribute("data-sync-state", "IDLE");
    await expect(row.getByTestId("sync-status")).toHaveAttribute("data-sync-state", "IDLE", { timeout: 30_000 });
    await expect(row.getByTestId("sync-status")).toHaveAttribute("data-status", "OK");
    const [after] = await e2eQuery<{ lastSyncAt: Date }>(`SELECT "lastSyncAt" FROM "Mailbox" WHERE id = $1`, [id]);
    expect(after!.lastSyncAt.getTime()).toBeGreaterThan(lastSyncAt.getTime());
  });
});

test.describe("bulk connect", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("five employees, one with a wrong password: four connect, one says why, and the run is in the history", async ({
    page,
  }) => {
    const people = await e2eQuery<{ id: number; name: string; email: string }>(`
      SELECT u.id, u."firstName" || ' ' || u."lastName" AS name, u.email FROM "User" u
      JOIN "DepartmentMember" m ON m."userId" = u.id JOIN "Department" d ON d.id = m."departmentId"
      WHERE d.name = 'Quality Assurance' AND u.status = 'ACTIVE' AND u.kind = 'EMPLOYEE'
        AND (SELECT COUNT(*) FROM "User" o WHERE o."firstName" = u."firstName" AND o."lastName" = u."lastName") = 1
      ORDER BY u.id LIMIT 5`);
    expect(people).toHaveLength(5);
    const addresses = people.map((person) => `${person.email.split("@")[0]}@bulk.test`);
    await dovecot.addUsers(
      addresses.map((address, index) => [address, index === 3 ? "something-else" : "bulk-password"]),
    );

    await page.goto("/webmail/bulk-connect");
    await page.getByLabel("Mail domain").fill("bulk.test");
    await fillServers(page, { smtp: false });
    for (let index = 1; index < people.length; index += 1) await page.getByRole("button", { name: "Add row" }).click();
    const rows = page.getByTestId("bulk-row");
    await expect(rows).toHaveCount(5);
    for (const [index, person] of people.entries()) {
      const row = rows.nth(index);
      await row.getByTestId("subject-picker").click();
      await page.getByPlaceholder("Search people, departments, groups…").fill(person.name);
      await page.getByTestId("subject-option").filter({ hasText: person.email }).click();
      await row.getByPlaceholder("Email", { exact: true }).fill(addresses[index]!);
      await row.getByPlaceholder("Password", { exact: true }).fill("bulk-password");
    }
    await page.getByTestId("start-bulk").click();
    await expect(page.getByTestId("bulk-progress")).toContainText("Finished: 4 connected, 1 not connected.", {
      timeout: 60_000,
    });
    await expect(rows.nth(3).getByTestId("row-result")).toHaveAttribute("data-outcome", "FAILED");
    await expect(rows.nth(3).getByTestId("row-result")).toContainText("Authentication failed");
    for (const index of [0, 1, 2, 4]) await expect(rows.nth(index).getByTestId("row-result")).toHaveText("Connected");

    const connected = await e2eQuery<{ ownerId: number }>(
      `SELECT "ownerId" FROM "Mailbox" WHERE email LIKE '%@bulk.test' ORDER BY "ownerId"`,
    );
    expect(connected.map((row) => row.ownerId)).toEqual(
      people
        .filter((_, index) => index !== 3)
        .map((person) => person.id)
        .sort((a, b) => a - b),
    );
    const notes = await e2eQuery<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM "Notification" WHERE kind = 'mailboxConnectedForYou' AND params->>'email' LIKE '%@bulk.test'`,
    );
    expect(notes[0]!.count).toBe(4);

    await page.getByRole("link", { name: "History" }).click();
    await expect(page.getByTestId("bulk-run").first()).toContainText("4 of 5 connected, 1 not");
  });
});
