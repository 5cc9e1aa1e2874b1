import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";

test.use({ storageState: storageStateOf("admin") });

test.describe("languages", () => {
  test("unprefixed paths are English; /de, /it and /ar are translated", async ({ page }) => {
    await page.goto("/company/employees");
    await expect(page.getByRole("heading", { name: "Employees" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/de/company/employees");
    await expect(page.getByRole("heading", { name: "Mitarbeiter" })).toBeVisible();
    await page.goto("/it/company/employees");
    await expect(page.getByRole("heading", { name: "Dipendenti" })).toBeVisible();
    await page.goto("/ar/company/employees");
    await expect(page.getByRole("heading", { name: "الموظفون" })).toBeVisible();
  });

  test("Arabic pages are right-to-left, the others left-to-right", async ({ page }) => {
    await page.goto("/ar/company/departments");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.goto("/it/company/departments");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  });

  test("the language switcher keeps the current page and its search", async ({ page }) => {
    await page.goto("/company/employees?q=weber");
    await page.getByTestId("language-switcher").click();
    await page.locator('[data-locale="de"]').click();
    await expect(page).toHaveURL("/de/company/employees?q=weber");
    await expect(page.getByRole("heading", { name: "Mitarbeiter" })).toBeVisible();
    await page.getByTestId("language-switcher").click();
    await page.locator('[data-locale="ar"]').click();
    await expect(page).toHaveURL("/ar/company/employees?q=weber");
    await page.getByTestId("language-switcher").click();
    await page.locator('[data-locale="en"]').click();
    await expect(page).toHaveURL("/company/employees?q=weber");
  });

  test("an /en prefix is redirected to the unprefixed English page", async ({ page }) => {
    await page.goto("/en/company/departments");
    await expect(page).toHaveURL("/company/departments");
  });
});
