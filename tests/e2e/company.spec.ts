import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

test.describe("company directory (employee)", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("lists every employee and searches by name", async ({ page }) => {
    const [{ count }] = await e2eQuery<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM "User" WHERE kind = 'EMPLOYEE'`,
    );
    await page.goto("/company/employees");
    await expect(page.getByTestId("employee-count")).toHaveText(`${count} employees`);
    await page.getByRole("searchbox", { name: "Search employees" }).fill("Jonas Weber");
    await expect(page).toHaveURL(/q=Jonas\+Weber/);
    await expect(page.getByTestId("employee-row")).toHaveCount(1);
    await expect(page.getByTestId("employee-row")).toContainText("employee@demo.test");
  });

  test("shows an empty state when nothing matches", async ({ page }) => {
    await page.goto("/company/employees?q=zzzz-nobody");
    await expect(page.getByText("No employees match your search.")).toBeVisible();
  });

  test("shows the department tree with heads and member counts", async ({ page }) => {
    await page.goto("/company/departments");
    const sales = page
      .getByTestId("department-row")
      .filter({ hasText: /^.*Sales.*Sofia Marino/ })
      .first();
    await expect(sales).toContainText("Sofia Marino");
    await expect(page.getByTestId("department-row").filter({ hasText: "Key Accounts DACH" })).toHaveCount(0);
    await page.getByRole("button", { name: "Expand all" }).click();
    await expect(page.getByTestId("department-row").filter({ hasText: "Key Accounts DACH" })).toBeVisible();
    await page.getByRole("button", { name: "Hide sub-departments of Sales Germany" }).click();
    await expect(page.getByTestId("department-row").filter({ hasText: "Key Accounts DACH" })).toHaveCount(0);
  });
});

test.describe("extranet user", () => {
  test.use({ storageState: storageStateOf("external") });

  test("sees nothing of the company structure", async ({ page }) => {
    const employees = await page.goto("/company/employees");
    expect(employees?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    const departments = await page.goto("/company/departments");
    expect(departments?.status()).toBe(403);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveCount(0);
  });
});
