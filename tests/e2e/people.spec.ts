// Managing people end to end (issue 14): a department and an employee are created, a mailbox is
// connected for the employee, they are deactivated and the mailbox handed over; a partner is
// invited into an external group through the Outbox's mail, sets a password and signs in; the
// move-to-extranet wizard runs both ways. Only people this spec creates are changed.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { Dovecot } from "../../scripts/lib/dovecot.ts";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { E2E_IMAP_PORT } from "./mail-ports.ts";
import { signIn } from "./sign-in.ts";

test.describe.configure({ mode: "serial" });

const RUN = Date.now().toString(36);
const DEPARTMENT = `People E2E ${RUN}`;
const LEAVER = { first: "Lea", last: `Leaver${RUN}`, email: `lea.${RUN}@people-e2e.test` };
const HEIR = { first: "Hugo", last: `Heir${RUN}`, email: `hugo.${RUN}@people-e2e.test` };
const GROUP = `Agency E2E ${RUN}`;
const PARTNER = { first: "Paula", last: `Partner${RUN}`, email: `paula.${RUN}@agency-e2e.test` };
const MAILBOX = `lea.${RUN}@e2e.test`;

let dovecot: Dovecot;
test.beforeAll(async () => {
  dovecot = await Dovecot.start({ preferredPort: E2E_IMAP_PORT });
  if (dovecot.port !== E2E_IMAP_PORT) throw new Error(`port ${E2E_IMAP_PORT} is taken: set E2E_IMAP_PORT`);
  await dovecot.addUser(MAILBOX, "mail-password");
});
test.afterAll(async () => {
  await dovecot?.stop();
});

async function pickPerson(page: Page, trigger: string, search: string) {
  await page.getByRole("button", { name: trigger }).click();
  await page.getByRole("textbox", { name: "Search people, departments, groups…" }).fill(search);
  await page.getByTestId("subject-option").filter({ hasText: search }).first().click();
}

async function addEmployee(page: Page, person: { first: string; last: string; email: string }, department?: string) {
  await page.goto("/company/employees");
  await page.getByTestId("add-employee").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email (sign-in)").fill(person.email);
  await dialog.getByLabel("First name").fill(person.first);
  await dialog.getByLabel("Last name").fill(person.last);
  if (department) await dialog.getByLabel(department).check();
  await dialog.getByTestId("save-employee").click();
  await expect(dialog).toBeHidden();
}

async function openEmployee(page: Page, email: string) {
  const [{ id }] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  await page.goto(`/company/employees/${id}`);
  return id;
}

test.describe("organisation management (administrator)", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a department and an employee in it, connects a mailbox, deactivates them and transfers the mailbox", async ({
    page,
  }) => {
    // A department under the company root, from the tree.
    await page.goto("/company/departments");
    const root = page.getByTestId("department-row").first();
    await root.getByTestId("add-department").click();
    await page.getByRole("dialog").getByLabel("Department name").fill(DEPARTMENT);
    await page.getByRole("dialog").getByTestId("save-department").click();
    await expect(page.getByTestId("department-row").filter({ hasText: DEPARTMENT })).toBeVisible();
    const [department] = await e2eQuery<{ id: number }>(`SELECT id FROM "Department" WHERE name = $1`, [DEPARTMENT]);
    expect(department).toBeDefined();

    // Two employees: the leaver in the new department, and the colleague who inherits.
    await addEmployee(page, LEAVER, DEPARTMENT);
    await addEmployee(page, HEIR);
    const [leaver] = await e2eQuery<{ id: number; departmentId: number }>(
      `SELECT u.id, m."departmentId" FROM "User" u JOIN "DepartmentMember" m ON m."userId" = u.id WHERE u.email = $1`,
      [LEAVER.email],
    );
    expect(leaver?.departmentId).toBe(department!.id);
    const audits = await e2eQuery(`SELECT id FROM "AuditEvent" WHERE action = 'employee.create' AND "entityId" = $1`, [
      String(leaver!.id),
    ]);
    expect(audits).toHaveLength(1);

    // Connect a mailbox for the leaver (the administrator chooses the owner).
    await page.goto("/webmail/connect");
    await pickPerson(page, "Change", LEAVER.last);
    await page.getByLabel("Email address").fill(MAILBOX);
    await page.getByLabel("IMAP server").fill("127.0.0.1");
    await page.getByLabel("Security").first().selectOption("NONE");
    await page.getByLabel("Port").first().fill(String(dovecot.port));
    await page.getByLabel("Send mail through SMTP").uncheck();
    await page.getByLabel("Password", { exact: true }).fill("mail-password");
    await page.getByTestId("connect-mailbox").click();
    await expect(page).toHaveURL(/\/webmail\/mailboxes\/\d+$/);
    const [mailbox] = await e2eQuery<{ id: number; ownerId: number }>(
      `SELECT id, "ownerId" FROM "Mailbox" WHERE email = $1`,
      [MAILBOX],
    );
    expect(mailbox?.ownerId).toBe(leaver!.id);

    // Deactivate: the status changes, the 30-day notice appears, and the mailbox can be handed over.
    await openEmployee(page, LEAVER.email);
    await expect(page.getByTestId("employee-mailbox")).toContainText(MAILBOX);
    await page.getByTestId("deactivate").click();
    await page.getByTestId("confirm-action").click();
    await expect(page.getByTestId("employee-status")).toHaveText("Deactivated");
    await expect(page.getByTestId("deactivation-notice")).toBeVisible();
    await page.getByTestId("transfer-mailbox").click();
    await pickPerson(page, "Choose the new owner", HEIR.last);
    await page.getByTestId("confirm-action").click();
    await expect(page.getByTestId("employee-mailbox")).toHaveCount(0);
    const [moved] = await e2eQuery<{ ownerId: number }>(`SELECT "ownerId" FROM "Mailbox" WHERE id = $1`, [mailbox!.id]);
    const [heir] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [HEIR.email]);
    expect(moved?.ownerId).toBe(heir!.id);
    const notes = await e2eQuery<{ userId: number; kind: string }>(
      `SELECT "userId", kind FROM "Notification" WHERE kind IN ('mailboxTransferredToYou', 'mailboxTransferredAway') AND "userId" = ANY($1) ORDER BY kind`,
      [[leaver!.id, heir!.id]],
    );
    expect(notes).toEqual([
      { userId: leaver!.id, kind: "mailboxTransferredAway" },
      { userId: heir!.id, kind: "mailboxTransferredToYou" },
    ]);

    // The department is not empty, so it cannot be deleted; the refusal says why.
    await page.goto("/company/departments");
    await page.getByTestId("department-row").filter({ hasText: DEPARTMENT }).getByTestId("delete-department").click();
    await page.getByTestId("confirm-action").click();
    await expect(
      page.getByText("This department still has members or sub-departments. Move them first."),
    ).toBeVisible();
  });

  test("invites a partner into a new external group; the partner follows the Outbox link, sets a password and sees only that group", async ({
    page,
    browser,
  }) => {
    await page.goto("/company/workgroups");
    await page.getByTestId("add-workgroup").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(GROUP);
    await dialog.getByLabel("External workgroup (extranet)").check();
    await dialog.getByTestId("save-workgroup").click();
    await expect(dialog).toBeHidden();
    await page.getByTestId("workgroup-card").filter({ hasText: GROUP }).click();
    await page.getByTestId("invite-external").click();
    const invite = page.getByRole("dialog");
    await invite.getByLabel("Email (sign-in)").fill(PARTNER.email);
    await invite.getByLabel("First name").fill(PARTNER.first);
    await invite.getByLabel("Last name").fill(PARTNER.last);
    await invite.getByTestId("send-invitation").click();
    await expect(invite).toBeHidden();
    await expect(page.getByTestId("workgroup-member").filter({ hasText: PARTNER.email })).toContainText("Invited");

    // The same address again is refused with a clear message.
    await page.getByTestId("invite-external").click();
    await invite.getByLabel("Email (sign-in)").fill(PARTNER.email);
    await invite.getByLabel("First name").fill("Again");
    await invite.getByLabel("Last name").fill("Again");
    await invite.getByTestId("send-invitation").click();
    await expect(invite.getByText("A user with this email address already exists")).toBeVisible();
    await invite.getByRole("button", { name: "Cancel" }).click();

    // The mail is in the Outbox; its link leads to the password page.
    await page.goto("/company/outbox");
    const message = page.getByTestId("outbox-message").filter({ hasText: PARTNER.email }).first();
    await message.locator("summary").click();
    const link = await message.getByTestId("outbox-link").getAttribute("href");
    expect(link).toMatch(/\/en\/invite\/[A-Za-z0-9_-]{40,}$/);

    const partnerContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const partner = await partnerContext.newPage();
    await partner.goto(link!);
    await partner.getByLabel("Password", { exact: true }).fill("partner-password-1");
    await partner.getByLabel("Repeat the password").fill("partner-password-1");
    await partner.getByTestId("set-password").click();
    await expect(partner).toHaveURL(/\/login/);
    await signIn(partner, PARTNER.email, "partner-password-1");
    await partner.waitForURL((url) => !url.pathname.endsWith("/login"));
    await partner.goto("/company/workgroups");
    await expect(partner.getByTestId("workgroup-card")).toHaveCount(1);
    await expect(partner.getByTestId("workgroup-card")).toContainText(GROUP);
    // The link worked once.
    await partner.goto(link!);
    await expect(partner.getByTestId("invite-state")).toHaveAttribute("data-state", "used");
    await partnerContext.close();
  });

  for (const mode of ["newEmail", "keepEmail"] as const) {
    test(`moves an employee to the extranet (${mode})`, async ({ page }) => {
      const person = {
        first: "Mo",
        last: `Mover${mode}${RUN}`,
        email: `mo.${mode.toLowerCase()}.${RUN}@people-e2e.test`,
      };
      await addEmployee(page, person);
      const id = await openEmployee(page, person.email);
      await page.getByTestId("move-to-extranet").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByTestId(`mode-${mode}`).check();
      await dialog.getByLabel("External workgroup").selectOption({ label: GROUP });
      const address = mode === "newEmail" ? `mo.${RUN}@freelance-e2e.test` : `mo.former.${RUN}@people-e2e.test`;
      await dialog
        .getByLabel(
          mode === "newEmail" ? "New address of the external user" : "New address for the deactivated profile",
        )
        .fill(address);
      await dialog.getByTestId("confirm-move").click();
      await expect(dialog).toBeHidden();
      if (mode === "keepEmail") await expect(page.getByText("Remember to change the notification email")).toBeVisible();
      const [former] = await e2eQuery<{ status: string; email: string }>(
        `SELECT status, email FROM "User" WHERE id = $1`,
        [id],
      );
      const externalEmail = mode === "newEmail" ? address : person.email;
      expect(former).toEqual({ status: "DEACTIVATED", email: mode === "newEmail" ? person.email : address });
      const [external] = await e2eQuery<{ kind: string; status: string }>(
        `SELECT kind, status FROM "User" WHERE email = $1`,
        [externalEmail],
      );
      expect(external).toEqual({ kind: "EXTERNAL", status: "INVITED" });
      const mails = await e2eQuery(`SELECT id FROM "OutboxMessage" WHERE $1 = ANY("to")`, [externalEmail]);
      expect(mails).toHaveLength(1);
    });
  }
});

test.describe("non-administrators", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("see no management controls and cannot open an employee's page, user groups or the Outbox", async ({ page }) => {
    await page.goto("/company/employees");
    await expect(page.getByTestId("add-employee")).toHaveCount(0);
    await page.goto("/company/departments");
    await expect(page.getByTestId("add-department")).toHaveCount(0);
    for (const path of ["/company/user-groups", "/company/outbox"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});

test.describe("accessibility of the new screens", () => {
  test.use({ storageState: storageStateOf("admin") });
  for (const locale of ["en", "ar"] as const) {
    test(`axe finds no serious or critical violation (${locale})`, async ({ page }) => {
      const [{ id: employeeId }] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [
        LEAVER.email,
      ]);
      const [{ id: groupId }] = await e2eQuery<{ id: number }>(`SELECT id FROM "WorkGroup" WHERE name = $1`, [GROUP]);
      const prefix = locale === "en" ? "" : "/ar";
      const paths = [
        "/company/employees",
        `/company/employees/${employeeId}`,
        "/company/departments",
        "/company/workgroups",
        `/company/workgroups/${groupId}`,
        "/company/user-groups",
        "/company/outbox",
        "/invite/not-a-real-token-0123456789",
      ];
      for (const path of paths) {
        await page.goto(`${prefix}${path}`);
        if (locale === "ar") await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
          [],
        );
      }
      // A dialog open: the employee form.
      await page.goto(`${prefix}/company/employees`);
      await page.getByTestId("add-employee").click();
      const results = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    });
  }
});
