// SPEC §7 over HTTP: an external user given every right through every kind of subject (their
// own user, a user group, their external workgroup) and even an admin flag stays in the
// extranet: no grid, no export, no role editor, no effective-rights page. The editors warn
// when a role is assigned to external subjects.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStateOf } from "./accounts.ts";
import { grantEverythingToTheExternalUser, GRANT_ROLE_NAME as MARK, withdrawTheGrants } from "./external-grants.ts";

test.describe("an external user with every right through every subject", () => {
  let externalId = 0;
  test.beforeAll(async () => {
    externalId = await grantEverythingToTheExternalUser();
  });
  test.afterAll(async () => {
    await withdrawTheGrants(externalId);
  });

  test.describe("as the external user", () => {
    test.use({ storageState: storageStateOf("external") });

    for (const path of ["/webmail/mailboxes", "/api/mailboxes/export", "/webmail/access", "/telephony/access"])
      test(`is refused ${path}`, async ({ request }) => {
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status()).toBe(403);
        const body = await response.text();
        // Nothing of the company: no colleague's address (their own, in the account menu, is fine).
        for (const colleague of [ACCOUNTS.admin, ACCOUNTS.headSales, ACCOUNTS.employee])
          expect(body).not.toContain(colleague.email);
        // The account menu does not call them an administrator, whatever their flag says.
        if (!path.startsWith("/api/")) expect(body).toMatch(/role\W+external/);
      });

    test("is refused the effective-rights page and the audit", async ({ request }) => {
      for (const path of ["/access/effective", `/access/effective?user=${externalId}`, "/audit"])
        expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
    });
  });

  test.describe("as an administrator", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("the effective-rights page shows the external user's levels capped, and says why", async ({ page }) => {
      await page.goto(`/access/effective?user=${externalId}`);
      await expect(page.getByTestId("external-cap-note").first()).toBeVisible();
    });

    test("the role editor warns on the role assigned to external subjects", async ({ page }) => {
      await page.goto("/webmail/access");
      const card = page.getByTestId("role-assignments").filter({ hasText: MARK });
      await expect(card.getByTestId("external-assignment-warning")).toBeVisible();
      // Roles given only to employees carry no warning.
      const others = page.getByTestId("role-assignments").filter({ hasNotText: MARK });
      await expect(others.getByTestId("external-assignment-warning")).toHaveCount(0);
    });
  });
});
