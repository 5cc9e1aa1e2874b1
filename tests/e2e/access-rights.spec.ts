import { expect, type Page, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

test.use({ storageState: storageStateOf("admin") });

const column = (page: Page, name: string) =>
  page.getByTestId("role-column").filter({ has: page.getByTestId("role-name").getByText(name, { exact: true }) });
const cell = (page: Page, role: string, permissionKey: string) =>
  page.getByLabel(new RegExp(` for ${role}$`)).and(page.locator(`[data-permission="${permissionKey}"]`));

async function nameRole(page: Page, name: string) {
  await page.getByLabel("Role name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
}

test("an administrator creates, clones and assigns a role, and the department's members get its level", async ({
  page,
}) => {
  await page.goto("/webmail/access");
  await page.getByRole("button", { name: "New role" }).click();
  await nameRole(page, "Regional leads");
  await expect(column(page, "Regional leads")).toBeVisible();

  await column(page, "Regional leads").getByRole("button", { name: "Actions for role Regional leads" }).click();
  await page.getByRole("menuitem", { name: "Clone" }).click();
  await expect(page.getByLabel("Role name")).toHaveValue("Copy of Regional leads");
  await nameRole(page, "Regional assistants");
  await expect(column(page, "Regional assistants")).toBeVisible();

  const card = page.getByTestId("role-assignments").filter({ hasText: "Regional leads" });
  await card.getByTestId("subject-picker").click();
  await page.getByPlaceholder("Search people, departments, groups…").fill("Sales Italy");
  await page
    .getByTestId("subject-option")
    .filter({ hasText: /^Sales Italy/ })
    .filter({ hasNotText: "with sub-departments" })
    .first()
    .click();
  await expect(card.getByTestId("subject-chip")).toHaveText("Sales Italy");

  await cell(page, "Regional leads", "webmail.viewMailboxes").selectOption({ label: "All" });
  await page.getByTestId("save-roles").click();
  await expect(page.getByText("Access rights saved")).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);

  // A plain member of Sales Italy (no head, no admin) now sees all mailboxes through the new role.
  const [member] = await e2eQuery<{ id: number }>(`
    SELECT u.id FROM "User" u JOIN "DepartmentMember" m ON m."userId" = u.id JOIN "Department" d ON d.id = m."departmentId"
    WHERE d.name = 'Sales Italy' AND NOT u."isPortalAdmin" AND u.kind = 'EMPLOYEE'
      AND NOT EXISTS (SELECT 1 FROM "Department" h WHERE h."headId" = u.id) ORDER BY u.id LIMIT 1`);
  await page.goto(`/access/effective?user=${member!.id}`);
  const row = page.getByTestId("effective-WEBMAIL").locator('[data-permission="webmail.viewMailboxes"]');
  await expect(row.getByTestId("effective-level")).toHaveText("All");
  await expect(row.getByTestId("permission-source").first()).toHaveText("Regional leads · assigned to Sales Italy");

  const audit = await e2eQuery<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "entityType" = 'Role' ORDER BY id`,
  );
  expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(["role.create", "role.create"]));

  // Clean up through the UI: deleting custom roles is part of the editor too.
  await page.goto("/webmail/access");
  page.on("dialog", (dialog) => dialog.accept());
  for (const name of ["Regional leads", "Regional assistants"]) {
    await column(page, name)
      .getByRole("button", { name: `Actions for role ${name}` })
      .click();
    await page.getByRole("menuitem", { name: "Delete role" }).click();
  }
  await page.getByTestId("save-roles").click();
  await expect(page.getByText("Access rights saved")).toBeVisible();
  await expect(column(page, "Regional leads")).toHaveCount(0);
});

test("a second administrator saving a stale version gets a conflict, and nothing of theirs is written", async ({
  page,
  browser,
}) => {
  const other = await browser.newContext({ storageState: storageStateOf("admin") });
  const second = await other.newPage();
  await page.goto("/telephony/access");
  await second.goto("/telephony/access");

  await cell(page, "Manager", "telephony.recordingModify").selectOption({ label: "Own" });
  await page.getByTestId("save-roles").click();
  await expect(page.getByText("Access rights saved")).toBeVisible();

  await cell(second, "Manager", "telephony.balance").selectOption({ label: "Allowed" });
  await second.getByTestId("save-roles").click();
  await expect(second.getByTestId("conflict")).toContainText("Someone else saved these access rights");
  const [balance] = await e2eQuery<{ level: number }>(`
    SELECT p.level FROM "RolePermission" p JOIN "Role" r ON r.id = p."roleId"
    WHERE r.module = 'TELEPHONY' AND r."systemCode" = 'MANAGER' AND p.key = 'telephony.balance'`);
  expect(balance!.level).toBe(0);

  // Reloading shows the first administrator's change.
  await second.getByRole("button", { name: "Reload" }).click();
  await expect(cell(second, "Manager", "telephony.recordingModify")).toHaveValue("10");
  await expect(cell(second, "Manager", "telephony.balance")).toHaveValue("0");
  await other.close();

  // Put the default back for the other specs.
  await page.reload();
  await cell(page, "Manager", "telephony.recordingModify").selectOption({ label: "Denied" });
  await page.getByTestId("save-roles").click();
  await expect(page.getByText("Access rights saved")).toBeVisible();
});
