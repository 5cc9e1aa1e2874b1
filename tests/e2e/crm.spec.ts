// The CRM end to end (issue #12): link a demo mailbox to the CRM with a distribution queue,
// deliver mail from a new sender into the demo Dovecot, and find the lead — assigned from the
// queue, the email on its timeline — then give it a task. And every new screen passes axe.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { rawMessage } from "../../scripts/lib/mail-message.ts";
import { reachableDir } from "../../scripts/lib/runtime-paths.ts";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

const run = promisify(execFile);
// The demo mail server of the console under test (scripts/lib/demo-mail.ts).
const DEMO_MAIL = reachableDir(path.resolve(".data/e2e/demo-mail"));

/** Puts a message into a demo mailbox's inbox, as a delivery to the server would. */
async function deliver(user: string, raw: string) {
  const dir = path.join(DEMO_MAIL, "mail", user, "Maildir");
  const name = `${Math.floor(Date.now() / 1000)}.M${Date.now()}P${process.pid}.e2e,S=${Buffer.byteLength(raw)}:2,`;
  await fs.writeFile(path.join(dir, "cur", name), raw);
  await run("chown", ["-R", "mail:mail", dir]);
}

async function waitForRow<T extends Record<string, unknown>>(sql: string, params: unknown[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await e2eQuery<T>(sql, params);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no row for: ${sql}`);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("CRM from mail", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("link a mailbox, a new sender writes, the lead appears for the next queue member with the email, a task is made", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const [mailbox] = await e2eQuery<{ id: number; email: string }>(
      `SELECT m.id, m.email FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId"
       WHERE u.email = 'admin@demo.test' AND m."imapHost" = '127.0.0.1' ORDER BY m.id LIMIT 1`,
    );
    expect(mailbox, "the demo Dovecot serves the administrator's mailbox").toBeTruthy();
    // The grid's default columns (another spec may have saved the administrator's own).
    await e2eQuery(
      `DELETE FROM "GridPreference" WHERE "gridKey" = 'crm-leads' AND "userId" = (SELECT id FROM "User" WHERE email = 'admin@demo.test')`,
    );
    await page.goto(`/webmail/mailboxes/${mailbox!.id}?tab=crm`);
    await page.getByLabel("Link this mailbox to the CRM").check();
    // The distribution queue: the sales representative.
    await page.getByTestId("crm-queue").getByTestId("subject-picker").click();
    await page.getByPlaceholder(/search/i).fill("Jonas Weber");
    await page.getByTestId("subject-option").filter({ hasText: "Jonas Weber" }).first().click();
    await page.getByTestId("save-crm").click();
    await expect
      .poll(async () => (await e2eQuery(`SELECT "crmEnabled" FROM "Mailbox" WHERE id = $1`, [mailbox!.id]))[0])
      .toEqual({ crmEnabled: true });

    const stamp = Date.now();
    const sender = `prospect.${stamp}@e2e-prospects.example`;
    const subject = `Enquiry about 300 desks (${stamp})`;
    await deliver(mailbox!.email, rawMessage({ from: `Pia Prospect <${sender}>`, to: mailbox!.email, subject }));
    await page.getByTestId("status-panel").getByTestId("sync-now").click();

    const lead = await waitForRow<{ id: number; responsible: string }>(
      `SELECT l.id, u."firstName" || ' ' || u."lastName" AS responsible FROM "CrmLead" l
       JOIN "User" u ON u.id = l."responsibleId" WHERE l.email = $1`,
      [sender],
    );
    expect(lead.responsible).toBe("Jonas Weber");

    await page.goto(`/crm/leads?q=${encodeURIComponent(sender)}`);
    const row = page.getByTestId("grid-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("responsible")).toHaveText("Jonas Weber");
    await row.getByTestId("record-link").click();
    await expect(page).toHaveURL(new RegExp(`/crm/leads/${lead.id}$`));
    await expect(page.getByTestId("timeline-subject").filter({ hasText: subject })).toBeVisible();

    await page.getByTestId("new-task").click();
    await page.getByLabel("Title").last().fill("Send the desk catalogue");
    await page.getByLabel("Deadline").fill("2030-01-15");
    await page.getByTestId("save-task").click();
    await expect(page.getByTestId("task-list").getByText("Send the desk catalogue")).toBeVisible();
    const [task] = await e2eQuery<{ leadId: number; responsibleId: number }>(
      `SELECT "leadId", "responsibleId" FROM "CrmTask" WHERE title = 'Send the desk catalogue' ORDER BY id DESC LIMIT 1`,
    );
    expect(task?.leadId).toBe(lead.id);
    // The mailbox's settings page tells what the CRM did.
    await page.goto(`/webmail/mailboxes/${mailbox!.id}`);
    await expect(page.getByTestId("crm-summary").getByTestId("crm-leads")).not.toContainText(/^Leads0$/);
  });
});

test.describe("CRM screens: axe finds nothing serious", () => {
  test.use({ storageState: storageStateOf("headSales") });
  for (const locale of ["en", "ar"] as const) {
    test(`leads, contacts, a lead, a contact, my tasks and the mailbox CRM tab (${locale})`, async ({ page }) => {
      test.setTimeout(120_000);
      const prefix = locale === "en" ? "" : `/${locale}`;
      const [lead] = await e2eQuery<{ id: number }>(
        `SELECT l.id FROM "CrmLead" l JOIN "User" u ON u.id = l."responsibleId" WHERE u.email = 'head.sales@demo.test' ORDER BY l.id LIMIT 1`,
      );
      const [contact] = await e2eQuery<{ id: number }>(`SELECT id FROM "CrmContact" ORDER BY id LIMIT 1`);
      const [mailbox] = await e2eQuery<{ id: number }>(
        `SELECT m.id FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" WHERE u.email = 'head.sales@demo.test' ORDER BY m.id LIMIT 1`,
      );
      for (const target of [
        "/crm/leads",
        "/crm/contacts",
        "/crm/tasks?done=1",
        `/crm/leads/${lead!.id}`,
        `/crm/contacts/${contact!.id}`,
        `/webmail/mailboxes/${mailbox!.id}?tab=crm`,
      ]) {
        await page.goto(`${prefix}${target}`);
        await expect(page.locator("main")).toBeVisible();
        if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        await expectNoSeriousViolations(page);
      }
    });
  }
});
