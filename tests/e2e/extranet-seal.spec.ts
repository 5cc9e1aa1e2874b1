// SPEC §7 over HTTP: an external user given every right through every kind of subject (their
// own user, a user group, their external workgroup) and even an admin flag stays in the
// extranet: no grid, no export, no role editor, no effective-rights page. The editors warn
// when a role is assigned to external subjects.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

const MARK = "Extranet seal test";

async function grantEverythingToTheExternalUser() {
  const [external] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [
    ACCOUNTS.external.email,
  ]);
  const workGroups = await e2eQuery<{ id: number }>(
    `SELECT m."workGroupId" AS id FROM "WorkGroupMember" m JOIN "WorkGroup" w ON w.id = m."workGroupId"
      WHERE m."userId" = $1 AND w."isExternal"`,
    [external!.id],
  );
  expect(workGroups.length).toBeGreaterThan(0);
  const [group] = await e2eQuery<{ id: number }>(`INSERT INTO "UserGroup" (name) VALUES ($1) RETURNING id`, [MARK]);
  await e2eQuery(`INSERT INTO "UserGroupMember" ("userGroupId", "userId") VALUES ($1, $2)`, [group!.id, external!.id]);
  await e2eQuery(`UPDATE "User" SET "isPortalAdmin" = true WHERE id = $1`, [external!.id]);
  const subjects: [string, number][] = [
    ["USER", external!.id],
    ["USER_GROUP", group!.id],
    ...workGroups.map((row): [string, number] => ["WORK_GROUP", row.id]),
  ];
  const levels = {
    WEBMAIL: ["webmail.editRights", "webmail.viewMailboxes", "webmail.editMailboxes", "webmail.connectOwn"],
    TELEPHONY: [
      "telephony.callStatistics",
      "telephony.recordingListen",
      "telephony.settings",
      "telephony.userSettings",
    ],
  };
  for (const [module, keys] of Object.entries(levels)) {
    const [role] = await e2eQuery<{ id: number }>(
      `INSERT INTO "Role" (module, name, "sortOrder", "updatedAt") VALUES ($1::"AccessModule", $2, 99, now()) RETURNING id`,
      [module, MARK],
    );
    for (const key of keys)
      await e2eQuery(`INSERT INTO "RolePermission" ("roleId", key, level) VALUES ($1, $2, 30)`, [role!.id, key]);
    for (const [kind, refId] of subjects)
      await e2eQuery(
        `INSERT INTO "RoleAssignment" ("roleId", "subjectKind", "subjectRefId") VALUES ($1, $2::"AccessSubjectKind", $3)`,
        [role!.id, kind, refId],
      );
  }
  return external!.id;
}

test.describe("an external user with every right through every subject", () => {
  let externalId = 0;
  test.beforeAll(async () => {
    externalId = await grantEverythingToTheExternalUser();
  });
  test.afterAll(async () => {
    await e2eQuery(`DELETE FROM "Role" WHERE name = $1`, [MARK]);
    await e2eQuery(`DELETE FROM "UserGroup" WHERE name = $1`, [MARK]);
    await e2eQuery(`UPDATE "User" SET "isPortalAdmin" = false WHERE id = $1`, [externalId]);
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
