// The mailbox grid with the demo organisation: scope per user, every filter and sort, presets,
// remembered columns, shareable URLs and the CSV — each checked against the database itself.
import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { signIn } from "./sign-in.ts";

test.describe.configure({ mode: "serial" });

const FROM = `"Mailbox" m JOIN "User" o ON o.id = m."ownerId"`;
const DEFAULT_ORDER = "m.email ASC, m.id ASC";
// The e2e server runs with APP_TIME_ZONE=UTC; timestamps are stored in UTC without a zone.
const NOW = `(now() AT TIME ZONE 'UTC')`;
const TODAY = `date_trunc('day', ${NOW})`;

const shownIds = (page: Page) =>
  page.getByTestId("grid-row").evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.mailboxId)));

async function expected(where: string, params: unknown[] = [], order = DEFAULT_ORDER, limit = 20) {
  const rows = await e2eQuery<{ id: number }>(
    `SELECT m.id FROM ${FROM} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`,
    params,
  );
  const [{ total }] = (await e2eQuery<{ total: number }>(
    `SELECT count(*)::int AS total FROM ${FROM} WHERE ${where}`,
    params,
  )) as [{ total: number }];
  return { ids: rows.map((row) => row.id), total };
}

/** The grid shows exactly the first page of what the database says, and the footer counts all of it. */
async function expectGrid(page: Page, where: string, params: unknown[] = [], order = DEFAULT_ORDER) {
  const { ids, total } = await expected(where, params, order);
  expect(total, `the demo data has rows for ${where}`).toBeGreaterThan(0);
  await expect.poll(() => shownIds(page), { message: where }).toEqual(ids);
  await expect(page.getByTestId("grid-range")).toHaveText(
    `1–${Math.min(total, 20)} of ${total.toLocaleString("en-US")}`,
  );
  return total;
}

async function openGrid(page: Page, query = "") {
  await page.goto(`/webmail/mailboxes${query ? `?${query}` : ""}`);
  await expect(page.getByTestId("mailbox-grid").or(page.getByTestId("empty-clear-filters"))).toBeVisible();
  await expect(page.getByTestId("grid-root")).toHaveAttribute("data-hydrated", "true");
}

test.describe("as the administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees every mailbox: the total is the database's count, twenty rows to a page", async ({ page }) => {
    await openGrid(page);
    const [{ total }] = (await e2eQuery<{ total: number }>(`SELECT count(*)::int AS total FROM "Mailbox"`)) as [
      { total: number },
    ];
    expect(await expectGrid(page, "true")).toBe(total);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    const second = await e2eQuery<{ id: number }>(
      `SELECT m.id FROM ${FROM} ORDER BY ${DEFAULT_ORDER} LIMIT 20 OFFSET 20`,
    );
    await expect.poll(() => shownIds(page)).toEqual(second.map((row) => row.id));
    await expect(page.getByTestId("grid-range")).toHaveText(`21–40 of ${total}`);
    await page.goBack();
    await expect(page.getByTestId("grid-range")).toHaveText(`1–20 of ${total}`);
  });

  test("each filter in the URL gives the database's rows", async ({ page }) => {
    const [owner] = await e2eQuery<{ id: number }>(
      `SELECT "ownerId" AS id FROM "Mailbox" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const [sharedWith] = await e2eQuery<{ id: number }>(
      `SELECT "subjectRefId" AS id FROM "MailboxAccess" WHERE "subjectKind" = 'USER' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const [inQueue] = await e2eQuery<{ id: number }>(
      `SELECT "userId" AS id FROM "MailboxCrmQueueMember" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, string, unknown[]][] = [
      [
        "q=rossi",
        `(m.email ILIKE '%rossi%' OR m.name ILIKE '%rossi%' OR m."senderName" ILIKE '%rossi%' OR o."firstName" ILIKE '%rossi%' OR o."lastName" ILIKE '%rossi%')`,
        [],
      ],
      ["email=gmail", `m.email ILIKE '%gmail%'`, []],
      ["name=outlook", `m.name ILIKE '%outlook%'`, []],
      ["sender=northwind", `m."senderName" ILIKE '%northwind%'`, []],
      [`owners=${owner!.id}`, `m."ownerId" = $1`, [owner!.id]],
      [
        `access=${sharedWith!.id}`,
        `EXISTS (SELECT 1 FROM "MailboxAccess" a WHERE a."mailboxId" = m.id AND a."subjectKind" = 'USER' AND a."subjectRefId" = $1)`,
        [sharedWith!.id],
      ],
      [
        `queue=${inQueue!.id}`,
        `EXISTS (SELECT 1 FROM "MailboxCrmQueueMember" q WHERE q."mailboxId" = m.id AND q."userId" = $1)`,
        [inQueue!.id],
      ],
      ["sync=today", `m."lastSyncAt" >= ${TODAY}`, []],
      ["sync=yesterday", `m."lastSyncAt" >= ${TODAY} - interval '1 day' AND m."lastSyncAt" < ${TODAY}`, []],
      ["sync=7d", `m."lastSyncAt" >= ${NOW} - interval '7 days'`, []],
      ["sync=30d", `m."lastSyncAt" >= ${NOW} - interval '30 days'`, []],
      [
        "sync=older&syncDays=7",
        `(m."lastSyncAt" < ${NOW} - interval '7 days' OR (m."lastSyncAt" IS NULL AND m."createdAt" < ${NOW} - interval '7 days'))`,
        [],
      ],
      ["sync=never", `m."lastSyncAt" IS NULL`, []],
      [
        `sync=range&syncFrom=${day(20)}&syncTo=${day(3)}`,
        `m."lastSyncAt" >= $1::date AND m."lastSyncAt" < $2::date + 1`,
        [day(20), day(3)],
      ],
      ["crm=yes", `m."crmEnabled"`, []],
      ["crm=no", `NOT m."crmEnabled"`, []],
      ["status=NEEDS_PASSWORD,PENDING", `m.status IN ('NEEDS_PASSWORD', 'PENDING')`, []],
      ["diskMin=500&diskMax=1500", `m."diskBytes" >= 500 * 1048576 AND m."diskBytes" <= 1500 * 1048576`, []],
      [
        `crm=yes&status=OK&sync=7d`,
        `m."crmEnabled" AND m.status = 'OK' AND m."lastSyncAt" >= ${NOW} - interval '7 days'`,
        [],
      ],
    ];
    for (const [query, where, params] of cases) {
      await openGrid(page, query);
      await expectGrid(page, where, params);
    }
  });

  test("the filter panel writes the URL and shows chips; a chip removes its filter", async ({ page }) => {
    await openGrid(page);
    await page.getByTestId("open-filters").click();
    await page.getByLabel("Failing").check();
    await page.getByLabel("In CRM").selectOption("no");
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(/status=ERROR/);
    await expect(page).toHaveURL(/crm=no/);
    await expectGrid(page, `m.status = 'ERROR' AND NOT m."crmEnabled"`);
    await expect(page.getByTestId("open-filters")).toContainText("2");
    await page.getByRole("button", { name: "Remove filter In CRM: No" }).click();
    await expect(page).not.toHaveURL(/crm=/);
    await expectGrid(page, `m.status = 'ERROR'`);
    // Back restores the previous filter, as in any web page.
    await page.goBack();
    await expectGrid(page, `m.status = 'ERROR' AND NOT m."crmEnabled"`);
  });

  test("the owner filter takes people from the picker", async ({ page }) => {
    const [owner] = await e2eQuery<{ id: number; lastName: string; firstName: string }>(
      `SELECT u.id, u."firstName", u."lastName" FROM "User" u WHERE EXISTS (SELECT 1 FROM "Mailbox" m WHERE m."ownerId" = u.id) AND u.email = 'head.sales@demo.test'`,
    );
    await openGrid(page);
    await page.getByTestId("open-filters").click();
    await page.locator("#filter-owners").getByTestId("subject-picker").click();
    await page.getByPlaceholder("Search people, departments, groups…").fill(owner!.lastName);
    await page.getByTestId("subject-option").filter({ hasText: ACCOUNTS.headSales.email }).click();
    await page.getByTestId("apply-filters").click();
    await expect(page).toHaveURL(new RegExp(`owners=${owner!.id}`));
    await expectGrid(page, `m."ownerId" = $1`, [owner!.id]);
    await expect(page.getByTestId("filter-chips")).toContainText(`Owner: ${owner!.firstName} ${owner!.lastName}`);
  });

  test("each sort, both directions, gives the database's order", async ({ page }) => {
    await openGrid(page);
    const sorts: [string, string, string][] = [
      ["owner", "asc", `o."lastName" ASC, o."firstName" ASC, m.id ASC`],
      ["owner", "desc", `o."lastName" DESC, o."firstName" DESC, m.id DESC`],
      ["email", "asc", `m.email ASC, m.id ASC`],
      ["email", "desc", `m.email DESC, m.id DESC`],
      ["lastSync", "asc", `m."lastSyncAt" ASC NULLS FIRST, m.id ASC`],
      ["lastSync", "desc", `m."lastSyncAt" DESC NULLS LAST, m.id DESC`],
      ["disk", "asc", `m."diskBytes" ASC, m.id ASC`],
      ["disk", "desc", `m."diskBytes" DESC, m.id DESC`],
      ["unread", "asc", `m."unreadCount" ASC, m.id ASC`],
      ["unread", "desc", `m."unreadCount" DESC, m.id DESC`],
    ];
    for (const [key, dir, order] of sorts) {
      // A click on another header sorts ascending; a second click on the same one descending.
      await page.getByTestId(`sort-${key}`).click();
      await expect(page.getByTestId(`sort-${key}`)).toHaveAttribute("data-sorted", dir);
      await expectGrid(page, "true", [], order);
    }
  });

  test("unread counts over 999 read 999+; disk shows two decimals", async ({ page }) => {
    await openGrid(page, "sort=unread&dir=desc");
    const [top] = await e2eQuery<{ unreadCount: number; diskBytes: string }>(
      `SELECT "unreadCount", "diskBytes"::text FROM "Mailbox" ORDER BY "unreadCount" DESC, id DESC LIMIT 1`,
    );
    const first = page.getByTestId("grid-row").first();
    await expect(first.getByTestId("unread")).toHaveText(top!.unreadCount > 999 ? "999+" : String(top!.unreadCount));
    const mb = (Number(top!.diskBytes) / 1048576).toLocaleString("en-US", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    await expect(first.getByTestId("disk")).toHaveText(mb);
  });

  test("built-in and saved presets", async ({ page }) => {
    await openGrid(page);
    await page.getByTestId("presets").click();
    await page.getByTestId("preset-errors").click();
    await expectGrid(page, `m.status IN ('ERROR', 'NEEDS_PASSWORD')`);
    await page.getByTestId("presets").click();
    await page.getByTestId("preset-largest").click();
    await expectGrid(page, "true", [], `m."diskBytes" DESC, m.id DESC`);
    await page.getByTestId("presets").click();
    await page.getByTestId("preset-notSynced7").click();
    const notSynced = `(m."lastSyncAt" < ${NOW} - interval '7 days' OR (m."lastSyncAt" IS NULL AND m."createdAt" < ${NOW} - interval '7 days'))`;
    await expectGrid(page, notSynced, [], `m."lastSyncAt" ASC NULLS FIRST, m.id ASC`);
    // Narrow it, save it under a name, clear everything, and get it back from "My presets".
    await openGrid(page, "sync=older&syncDays=7&sort=lastSync&dir=asc&crm=yes");
    await page.getByTestId("presets").click();
    await page.getByTestId("save-preset").click();
    await page.getByLabel("Preset name").fill("Stale CRM mailboxes");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Preset “Stale CRM mailboxes” saved")).toBeVisible();
    await openGrid(page);
    await page.getByTestId("presets").click();
    await page.getByTestId("saved-preset").filter({ hasText: "Stale CRM mailboxes" }).click();
    await expect(page).toHaveURL(/crm=yes/);
    await expectGrid(page, `${notSynced} AND m."crmEnabled"`, [], `m."lastSyncAt" ASC NULLS FIRST, m.id ASC`);
    const saved = await e2eQuery(
      `SELECT f.name FROM "SavedFilter" f JOIN "User" u ON u.id = f."userId" WHERE u.email = $1 AND f."gridKey" = 'mailboxes'`,
      [ACCOUNTS.admin.email],
    );
    expect(saved).toEqual([{ name: "Stale CRM mailboxes" }]);
  });

  test("a shared URL shows the same view in another browser", async ({ page, browser }) => {
    const query = "crm=yes&sort=disk&dir=desc&page=2&perPage=50";
    await openGrid(page, query);
    await expect(page.getByTestId("grid-range")).toContainText("51–");
    const here = await shownIds(page);
    const other = await browser.newContext({ storageState: storageStateOf("admin") });
    const there = await other.newPage();
    await there.goto(page.url());
    await expect(there.getByTestId("grid-range")).toHaveText((await page.getByTestId("grid-range").textContent())!);
    expect(await shownIds(there)).toEqual(here);
    const { ids } = await expected(`m."crmEnabled"`, [], `m."diskBytes" DESC, m.id DESC`, 100);
    expect(here).toEqual(ids.slice(50, 100));
    await other.close();
  });

  test("the CSV export holds the filtered rows with the visible columns", async ({ page }) => {
    await openGrid(page, "status=ERROR&sort=email&dir=asc");
    const total = await expectGrid(page, `m.status = 'ERROR'`);
    const download = page.waitForEvent("download");
    await page.getByTestId("export-csv").click();
    const csv = await readFile((await (await download).path())!, "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Owner,Email,Unread,Last synced,CRM,Disk (MB)");
    expect(lines).toHaveLength(total + 1);
    const emails = await page
      .getByTestId("grid-row")
      .locator('[data-column="email"] span[dir="ltr"]')
      .allTextContents();
    expect(lines.slice(1, 21).map((line) => line.split(",")[1])).toEqual(emails);
    expect(csv).not.toMatch(/password|Enc/i);
  });
});

test.describe("as the head of Sales", () => {
  test.use({ storageState: storageStateOf("headSales") });

  test("sees exactly the Sales tree's mailboxes and their own, with no edit actions on the team's", async ({
    page,
  }) => {
    const scope = `(m."ownerId" = (SELECT id FROM "User" WHERE email = $1) OR m."ownerId" IN (
        WITH tree AS (SELECT d.id, d."headId" FROM "Department" d, "Department" root
                      WHERE root."headId" = (SELECT id FROM "User" WHERE email = $1) AND d.path LIKE root.path || '%')
        SELECT "userId" FROM "DepartmentMember" WHERE "departmentId" IN (SELECT id FROM tree)
        UNION SELECT "headId" FROM tree WHERE "headId" IS NOT NULL))`;
    const all = await e2eQuery<{ id: number; own: boolean }>(
      `SELECT m.id, m."ownerId" = (SELECT id FROM "User" WHERE email = $1) AS own FROM ${FROM} WHERE ${scope} ORDER BY ${DEFAULT_ORDER}`,
      [ACCOUNTS.headSales.email],
    );
    expect(all.length).toBeGreaterThan(100);
    expect(all.length).toBeLessThan(200);
    const own = new Set(all.filter((row) => row.own).map((row) => row.id));
    expect(own.size).toBeGreaterThan(0);
    const seen: { id: number; actions: boolean[] }[] = [];
    for (const pageNumber of [1, 2]) {
      await openGrid(page, `perPage=100&page=${pageNumber}`);
      await expect(page.getByTestId("grid-range")).toHaveText(
        `${(pageNumber - 1) * 100 + 1}–${Math.min(all.length, pageNumber * 100)} of ${all.length}`,
      );
      // Manage, the row menu and the checkbox: present on their own rows only.
      seen.push(
        ...(await page.getByTestId("grid-row").evaluateAll((rows) =>
          rows.map((row) => ({
            id: Number((row as HTMLElement).dataset.mailboxId),
            actions: [
              !!row.querySelector('a[href*="/webmail/mailboxes/"]'),
              !!row.querySelector('[data-testid="row-menu"]'),
              !!row.querySelector('input[type="checkbox"]'),
            ],
          })),
        )),
      );
    }
    expect(seen.map((row) => row.id)).toEqual(all.map((row) => row.id));
    for (const row of seen)
      expect(row.actions, `mailbox ${row.id}`).toEqual(own.has(row.id) ? [true, true, true] : [false, false, false]);
    // A filter cannot reach outside the scope.
    const [outside] = await e2eQuery<{ ownerId: number }>(
      `SELECT m."ownerId" FROM ${FROM} WHERE NOT ${scope} LIMIT 1`,
      [ACCOUNTS.headSales.email],
    );
    await openGrid(page, `owners=${outside!.ownerId}`);
    await expect(page.getByText("No mailbox matches")).toBeVisible();
    await expect(page.getByTestId("grid-range")).toHaveText("0–0 of 0");
  });

  test("the column choice survives signing out and in again", async ({ browser }) => {
    // A fresh browser without the stored session: this test signs in and out itself.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.headSales.email, DEMO_PASSWORD, "/login?callbackUrl=%2Fwebmail%2Fmailboxes");
    await expect(page.getByTestId("grid-root")).toHaveAttribute("data-hydrated", "true");
    await expect(page.getByRole("columnheader", { name: "Sender name" })).toHaveCount(0);
    await page.getByTestId("column-chooser").click();
    await page.getByTestId("column-option-sender").getByRole("checkbox").click();
    await page.getByRole("button", { name: "Move Sender name up" }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("columnheader", { name: "Sender name" })).toBeVisible();
    const saved = ["owner", "email", "lastSync", "crm", "sender", "disk", "manage"];
    await expect
      .poll(
        async () =>
          (
            await e2eQuery<{ columns: string[] }>(
              `SELECT p.columns FROM "GridPreference" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1 AND p."gridKey" = 'mailboxes'`,
              [ACCOUNTS.headSales.email],
            )
          )[0]?.columns,
      )
      .toEqual(saved);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, ACCOUNTS.headSales.email, DEMO_PASSWORD, "/login?callbackUrl=%2Fwebmail%2Fmailboxes");
    await expect(page.getByRole("columnheader", { name: "Sender name" })).toBeVisible();
    const headers = await page.getByRole("columnheader").allTextContents();
    expect(headers.indexOf("Sender name")).toBe(headers.findIndex((text) => text.startsWith("Disk")) - 1);
    await context.close();
  });
});

test.describe("as an ordinary employee", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("the grid is refused and not in the menu", async ({ page }) => {
    const response = await page.goto("/webmail/mailboxes");
    expect(response?.status()).toBe(403);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Manage users' mailboxes" })).toHaveCount(0);
    expect((await page.request.get("/api/mailboxes/export")).status()).toBe(403);
  });
});
