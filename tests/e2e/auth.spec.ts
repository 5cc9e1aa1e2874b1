import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, type Role, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { signIn } from "./sign-in.ts";

test.describe("sign-in", () => {
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    test(`${role} signs in with the demo password and sees their name`, async ({ page }) => {
      await signIn(page, ACCOUNTS[role].email, DEMO_PASSWORD);
      await expect(page).toHaveURL("/");
      await expect(page.getByRole("heading", { name: `Welcome, ${ACCOUNTS[role].name.split(" ")[0]}` })).toBeVisible();
      await expect(page.getByTestId("user-menu")).toContainText(ACCOUNTS[role].name);
    });
  }

  test("a wrong password shows a clear error and keeps the email", async ({ page }) => {
    await signIn(page, ACCOUNTS.employee.email, "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText("The email or password is not correct.");
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.employee.email);
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields are explained next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("a deactivated user cannot sign in", async ({ page }) => {
    const [user] = await e2eQuery<{ email: string }>(
      `SELECT email FROM "User" WHERE status = 'DEACTIVATED' AND "passwordHash" IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await signIn(page, user!.email, DEMO_PASSWORD);
    await expect(page.getByTestId("login-error")).toHaveText(
      "This account has been deactivated. Ask your administrator.",
    );
  });

  test("pages without a session redirect to the sign-in page, and back after signing in", async ({ page }) => {
    await page.goto("/company/employees?q=weber");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcompany%2Femployees%3Fq%3Dweber/);
    await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/company/employees?q=weber");
    await expect(page.getByRole("heading", { name: "Employees" })).toBeVisible();
  });

  test("German pages redirect to the German sign-in page", async ({ page }) => {
    const response = await page.goto("/de/webmail/mailboxes");
    expect(response?.ok()).toBe(true);
    await expect(page).toHaveURL(/\/de\/login/);
    await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  });

  test("signing out ends the session on the server: even a copy of the cookie no longer works", async ({
    page,
    browser,
  }) => {
    await signIn(page, ACCOUNTS.employee.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    const copied = await page.context().cookies();
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/company/employees");
    await expect(page).toHaveURL(/\/login/);
    const replay = await browser.newContext();
    await replay.addCookies(copied);
    const replayed = await replay.newPage();
    await replayed.goto("/company/employees");
    await expect(replayed).toHaveURL(/\/login/);
    await replay.close();
  });
});

test.describe("a signed-in visitor of the sign-in page", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("is sent on only to a path of this console, never to another host (no open redirect)", async ({ request }) => {
    for (const callbackUrl of ["http://other.host/x", "//other.host/x", "/\\other.host", "/\t/other.host"]) {
      const response = await request.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBeGreaterThanOrEqual(300);
      const site = new URL(response.url());
      const location = new URL(response.headers().location ?? "", site);
      expect(location.host, callbackUrl).toBe(site.host);
    }
    const inside = await request.get(`/login?callbackUrl=${encodeURIComponent("/audit")}`, { maxRedirects: 0 });
    expect(new URL(inside.headers().location ?? "", inside.url()).pathname).toBe("/audit");
  });
});
