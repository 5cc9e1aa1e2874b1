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
    // Their only section: the workgroups they were invited to (issue 14).
    const links = page.getByRole("navigation", { name: "Main navigation" }).getByRole("link");
    await expect(links).toHaveCount(1);
    await expect(links).toHaveText("Workgroups");
    await links.click();
    const groups = await e2eQuery<{ name: string }>(
      `SELECT g.name FROM "WorkGroup" g JOIN "WorkGroupMember" m ON m."workGroupId" = g.id
       JOIN "User" u ON u.id = m."userId" WHERE u.email = 'external@demo.test' AND g."isExternal" ORDER BY g.name`,
    );
    expect(groups.length).toBeGreaterThan(0);
    await expect(page.getByTestId("workgroup-card")).toHaveCount(groups.length);
    // A group they are not in answers like one that does not exist.
    const [other] = await e2eQuery<{ id: number }>(
      `SELECT g.id FROM "WorkGroup" g WHERE NOT EXISTS (SELECT 1 FROM "WorkGroupMember" m JOIN "User" u ON u.id = m."userId"
       WHERE m."workGroupId" = g.id AND u.email = 'external@demo.test') ORDER BY g.id LIMIT 1`,
    );
    expect((await page.goto(`/company/workgroups/${other!.id}`))?.status()).toBe(404);
  });
});
