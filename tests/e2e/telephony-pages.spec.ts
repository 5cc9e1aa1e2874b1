// The telephony admin pages (SPEC §5.1/§5.3): phone settings, numbers and connections, balance.
// Who may open them and call their actions is in authorization.spec.ts (every demo role, over
// HTTP); here: the same gates in the browser, the record-level rule of phone settings, the SIP
// password kept out of every page, and an accessibility scan in English and Arabic.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, type Role, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callAction } from "./server-actions.ts";

const PAGES = [
  { path: "/telephony/users", heading: "Phone settings", allowed: ["admin", "telephony"] },
  { path: "/telephony/numbers", heading: "Numbers and connections", allowed: ["admin", "telephony"] },
  { path: "/telephony/balance", heading: "Balance", allowed: ["admin"] },
] as const;
const ROLES: Role[] = ["admin", "headSales", "employee", "telephony", "external"];
const PHONE_ACTIONS = "app/[locale]/(console)/telephony/users/_lib/actions.ts";
const ROLE_NAME = "Telephony pages e2e";

for (const role of ROLES) {
  test.describe(`in the browser, as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });
    test("each telephony page opens, or shows the 403 page, and the navigation agrees", async ({ page }) => {
      for (const target of PAGES) {
        const allowed = (target.allowed as readonly Role[]).includes(role);
        const response = await page.goto(target.path);
        expect(response?.status(), target.path).toBe(allowed ? 200 : 403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(
          allowed ? target.heading : "You don't have access to this page",
        );
        const nav = page.getByRole("navigation", { name: "Main navigation" }).locator(`a[href$="${target.path}"]`);
        await expect(nav).toHaveCount(allowed ? 1 : 0);
      }
    });
  });
}

async function userId(email: string): Promise<number> {
  const [row] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return row!.id;
}

/** Grants a userSettings level through a personal role (the defaults give employees and heads none). */
async function grantUserSettings(email: string, level: number) {
  const [role] = await e2eQuery<{ id: number }>(
    `INSERT INTO "Role" (module, name, "sortOrder", "updatedAt") VALUES ('TELEPHONY', $1, 98, now()) RETURNING id`,
    [`${ROLE_NAME} ${email}`],
  );
  await e2eQuery(`INSERT INTO "RolePermission" ("roleId", key, level) VALUES ($1, 'telephony.userSettings', $2)`, [
    role!.id,
    level,
  ]);
  await e2eQuery(`INSERT INTO "RoleAssignment" ("roleId", "subjectKind", "subjectRefId") VALUES ($1, 'USER', $2)`, [
    role!.id,
    await userId(email),
  ]);
}

test.describe("phone settings: the record-level rule", () => {
  test.beforeAll(async () => {
    await grantUserSettings(ACCOUNTS.employee.email, 10); // own
    await grantUserSettings(ACCOUNTS.headSales.email, 20); // own department's users
  });
  test.afterAll(async () => {
    await e2eQuery(`DELETE FROM "Role" WHERE name LIKE $1`, [`${ROLE_NAME}%`]);
  });

  test.describe("as employee (own settings)", () => {
    test.use({ storageState: storageStateOf("employee") });
    test("sees only their own row and changes their extension; a taken extension is a field error", async ({
      page,
    }) => {
      const me = await userId(ACCOUNTS.employee.email);
      await page.goto("/telephony/users");
      await expect(page.getByTestId("phone-settings-row")).toHaveCount(1);
      const row = page.getByTestId("phone-settings-row");
      await expect(row).toContainText(ACCOUNTS.employee.name);

      const [taken] = await e2eQuery<{ extension: string }>(
        `SELECT extension FROM "UserPhoneSettings" WHERE "userId" <> $1 AND extension IS NOT NULL LIMIT 1`,
        [me],
      );
      await row.getByTestId("edit-phone-settings").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Extension").fill(taken!.extension);
      await dialog.getByTestId("save-phone-settings").click();
      await expect(dialog.getByText("This extension is already used by someone else.")).toBeVisible();

      const mine = `9${String(me).padStart(4, "0")}`.slice(0, 8);
      await dialog.getByLabel("Extension").fill(mine);
      await dialog.getByLabel("Device").fill("E2E desk phone");
      await dialog.getByTestId("save-phone-settings").click();
      await expect(dialog).toBeHidden();
      await expect(row.getByTestId("extension-cell")).toHaveText(mine);
      const [stored] = await e2eQuery<{ extension: string; device: string }>(
        `SELECT extension, device FROM "UserPhoneSettings" WHERE "userId" = $1`,
        [me],
      );
      expect(stored).toEqual({ extension: mine, device: "E2E desk phone" });
      const [audit] = await e2eQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'phoneSettings.update' AND "entityId" = $1`,
        [String(me)],
      );
      expect(audit!.n).toBeGreaterThan(0);
    });
  });

  test.describe("as head of Sales (own department's users)", () => {
    test.use({ storageState: storageStateOf("headSales") });
    test("lists the department, and someone outside it reads as NOT_FOUND, like nobody; nothing changes", async ({
      page,
      request,
      baseURL,
    }) => {
      await page.goto("/telephony/users");
      const rows = page.getByTestId("phone-settings-row");
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeGreaterThan(1);
      await expect(rows.filter({ hasText: ACCOUNTS.telephony.name })).toHaveCount(0);

      const outsider = await userId(ACCOUNTS.telephony.email);
      const before = await e2eQuery(`SELECT * FROM "UserPhoneSettings" WHERE "userId" = $1`, [outsider]);
      const target = { file: PHONE_ACTIONS, name: "updatePhoneSettingsAction", path: "/telephony/users" };
      const input = (id: number) => ({ userId: id, device: "hijacked", extension: "", outgoingNumberId: null });
      const foreign = await callAction(request, baseURL!, target, input(outsider));
      const missing = await callAction(request, baseURL!, target, input(2_000_000_000));
      expect(foreign).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(foreign).toEqual(missing);
      expect(await e2eQuery(`SELECT * FROM "UserPhoneSettings" WHERE "userId" = $1`, [outsider])).toEqual(before);
    });
  });
});

test.describe("SIP connection password (as telephony administrator)", () => {
  test.use({ storageState: storageStateOf("telephony") });
  const PASSWORD = `e2e-Sip-${Date.now()}-secret`;
  const NAME = `E2E trunk ${Date.now()}`;
  test.afterAll(async () => {
    await e2eQuery(`DELETE FROM "SipConnection" WHERE name = $1`, [NAME]);
  });

  test("is stored encrypted and never appears in the page, and a new server needs it typed again", async ({
    page,
    request,
  }) => {
    await page.goto("/telephony/numbers");
    await page.getByTestId("add-connection").click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(NAME);
    await dialog.getByLabel("Server").fill("sip.e2e.example.com");
    await dialog.getByLabel("Login").fill("e2e-login");
    await dialog.getByLabel("Password").fill(PASSWORD);
    await dialog.getByTestId("save-connection").click();
    await expect(dialog).toBeHidden();
    const row = page.getByTestId("connection-row").filter({ hasText: NAME });
    await expect(row).toBeVisible();

    const [stored] = await e2eQuery<{ passwordEnc: string }>(
      `SELECT "passwordEnc" FROM "SipConnection" WHERE name = $1`,
      [NAME],
    );
    expect(stored!.passwordEnc).toMatch(/^v1\./);
    expect(stored!.passwordEnc).not.toContain(PASSWORD);
    for (const path of ["/telephony/numbers", "/ar/telephony/numbers"]) {
      const html = await (await request.get(path)).text();
      expect(html).toContain(NAME);
      expect(html).not.toContain(PASSWORD);
      expect(html).not.toContain(stored!.passwordEnc);
    }

    await row.getByTestId("edit-connection").click();
    dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Password")).toHaveValue("");
    expect(await page.content()).not.toContain(PASSWORD);
    await dialog.getByLabel("Server").fill("other.e2e.example.com");
    await dialog.getByTestId("save-connection").click();
    await expect(dialog.getByText("Type the password again")).toBeVisible();
    const [unchanged] = await e2eQuery<{ host: string }>(`SELECT host FROM "SipConnection" WHERE name = $1`, [NAME]);
    expect(unchanged!.host).toBe("sip.e2e.example.com");
  });
});

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test.describe("accessibility (axe), as admin", () => {
  test.use({ storageState: storageStateOf("admin") });
  for (const locale of ["", "/ar"]) {
    for (const target of PAGES) {
      test(`${locale || "/en"}${target.path} and its dialog have no serious or critical violations`, async ({
        page,
      }) => {
        await page.goto(`${locale}${target.path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page);
        const opener = {
          "/telephony/users": "edit-phone-settings",
          "/telephony/numbers": "add-connection",
          "/telephony/balance": "add-balance-entry",
        }[target.path];
        await page.getByTestId(opener).first().click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectNoSeriousViolations(page);
      });
    }
  }
});
