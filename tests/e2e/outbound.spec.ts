// Security #10, finding 6, over HTTP: an ordinary employee cannot make the console connect to an
// internal address, learns only the kind of a failure (never a server's words), and cannot try
// servers without limit.
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, storageStateOf } from "./accounts.ts";
import { e2eDatabasePort, e2eQuery } from "./database.ts";
import { E2E_IMAP_PORT } from "./mail-ports.ts";
import { postAction } from "./server-actions.ts";

const TEST_CONNECTION = {
  file: "app/[locale]/(console)/webmail/_lib/mailbox-actions.ts",
  name: "testConnectionAction",
  path: "/webmail/connect",
};
const EMAIL = "jonas.probe@e2e.test";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateOf("employee") });

let employeeId: number;
const clearLimit = () => e2eQuery(`DELETE FROM "RateLimit" WHERE key = $1`, [`connection-test:${employeeId}`]);
test.beforeAll(async () => {
  [{ id: employeeId }] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [
    ACCOUNTS.employee.email,
  ]);
  await clearLimit();
});
// The mailbox specs connect mailboxes as this employee too: they must not start out rate-limited.
test.afterAll(() => clearLimit());

async function testConnection(request: APIRequestContext, baseURL: string, host: string, port: number) {
  const response = await postAction(request, baseURL, TEST_CONNECTION, {
    ownerId: employeeId,
    email: EMAIL,
    imapHost: host,
    imapPort: port,
    imapSecurity: "NONE",
    imapLogin: EMAIL,
    imapPassword: "probe",
    smtpEnabled: false,
    syncPeriod: "7",
    saveSentCopy: true,
    excludedFolders: [],
  });
  expect(response.status()).toBe(200);
  return response.text();
}

/** The action's result in the flight payload: code, and the mail error kind if there is one. */
function outcome(body: string) {
  return {
    code: body.match(/"ok":false,"error":\{"code":"([A-Z_]+)"/)?.[1],
    mailCode: body.match(/"mailCode":"([A-Z_]+)"/)?.[1],
  };
}

async function tryFromTheForm(page: Page, port: number) {
  await page.goto("/webmail/connect");
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByLabel("IMAP server").fill("127.0.0.1");
  await page.getByLabel("Security").first().selectOption("NONE");
  await page.getByLabel("Port").first().fill(String(port));
  await page.getByLabel("Send mail through SMTP").uncheck();
  await page.getByLabel("Password", { exact: true }).fill("probe");
  await page.getByTestId("test-connection").click();
}

test("the form explains that an internal address is not allowed", async ({ page }) => {
  await tryFromTheForm(page, e2eDatabasePort());
  const error = page.getByTestId("connection-error");
  await expect(error).toContainText("The IMAP server could not be used");
  await expect(error).toContainText("in an internal network");
  await expect(error).toContainText("An administrator can allow internal mail servers");
});

test("internal addresses are refused by kind; a failure elsewhere says its kind and nothing more", async ({
  request,
  baseURL,
}) => {
  // PostgreSQL of this very test run, and the cloud metadata address: refused before any connection.
  for (const [host, port] of [
    ["127.0.0.1", e2eDatabasePort()],
    ["169.254.169.254", 80],
  ] as const) {
    const body = await testConnection(request, baseURL!, host, port);
    expect(outcome(body), `${host}:${port}`).toEqual({ code: "CONNECTION_FAILED", mailCode: "ADDRESS_NOT_ALLOWED" });
    expect(body).not.toMatch(/serverText|postgres|ECONNREFUSED|timed out/i);
  }
  // An allowed address (the mail specs' IMAP port) with nothing listening: refused, and only that is said.
  const body = await testConnection(request, baseURL!, "127.0.0.1", E2E_IMAP_PORT);
  expect(outcome(body)).toEqual({ code: "CONNECTION_FAILED", mailCode: "CONNECTION_REFUSED" });
  expect(body).not.toMatch(/serverText|ECONNREFUSED|127\.0\.0\.1/);
});

test("after ten connection tests in five minutes the next one is refused, with the wait", async ({
  page,
  request,
  baseURL,
}) => {
  await clearLimit();
  for (let attempt = 1; attempt <= 10; attempt += 1) {
    const body = await testConnection(request, baseURL!, "127.0.0.1", e2eDatabasePort());
    expect(outcome(body), `attempt ${attempt}`).toEqual({ code: "CONNECTION_FAILED", mailCode: "ADDRESS_NOT_ALLOWED" });
  }
  const refused = await testConnection(request, baseURL!, "127.0.0.1", e2eDatabasePort());
  expect(outcome(refused).code).toBe("RATE_LIMITED");
  const wait = Number(refused.match(/"retryAfterSeconds":"(\d+)"/)?.[1]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(300);

  await tryFromTheForm(page, e2eDatabasePort());
  await expect(page.getByTestId("form-error")).toHaveText(
    /^Too many connection tests in a short time\. Try again in [1-5] minutes?\.$/,
  );
});

test("the demo's own mail server stays allowed: its mailboxes sync", async () => {
  // scripts/start.ts allows exactly the demo Dovecot it starts (127.0.0.1 and its port).
  const demo = () =>
    e2eQuery<{ status: string; lastErrorCode: string | null }>(
      `SELECT status, "lastErrorCode" FROM "Mailbox" WHERE "imapHost" = '127.0.0.1' AND email LIKE '%@northwind.example'`,
    );
  // npm test installs Dovecot (scripts/test/system-deps.sh), so the demo mailboxes must be there.
  expect((await demo()).length).toBeGreaterThan(0);
  await expect
    .poll(async () => [...new Set((await demo()).map((row) => row.lastErrorCode ?? row.status))], { timeout: 60_000 })
    .toEqual(["OK"]);
});
