// Security headers and the Origin rule for changes (SECURITY.md "Headers", "Reverse proxy
// requirements"): over HTTP for pages, redirects, error pages and API routes, and in Chromium
// for the main screens, which must work under the policy without a single violation.
import { type APIRequestContext, type APIResponse, expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callAction } from "./server-actions.ts";
import { signIn } from "./sign-in.ts";

/** The headers every response carries; returns its Content-Security-Policy. */
function expectFixedHeaders(response: APIResponse): string {
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\)/);
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  return policy;
}

/** A page: scripts only by this response's nonce, and every script in it carries that nonce. */
async function expectPagePolicy(response: APIResponse): Promise<string> {
  const policy = expectFixedHeaders(response);
  expect(policy).toContain("object-src 'none'");
  const scripts = /script-src ([^;]+)/.exec(policy)?.[1] ?? "";
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce;
}

const get = (request: APIRequestContext, path: string) => request.get(path, { maxRedirects: 0 });

test.describe("headers", () => {
  test("signed out: the sign-in page, the redirect to it and a missing file's 404", async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    try {
      const login = await get(anonymous, "/login");
      expect(login.status()).toBe(200);
      const nonce = await expectPagePolicy(login);
      expect(await expectPagePolicy(await get(anonymous, "/login"))).not.toBe(nonce);

      const redirect = await get(anonymous, "/webmail/mailboxes");
      expect(redirect.status()).toBe(307);
      expect(expectFixedHeaders(redirect)).toContain("script-src");

      const missing = await get(anonymous, "/no-such-file.php");
      expect(missing.status()).toBe(404);
      await expectPagePolicy(missing);
    } finally {
      await anonymous.dispose();
    }
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("a page, a missing mailbox's 404, a refused page's 403 and the API routes", async ({
      request,
      playwright,
      baseURL,
    }) => {
      const grid = await get(request, "/webmail/mailboxes");
      expect(grid.status()).toBe(200);
      await expectPagePolicy(grid);

      const missing = await get(request, "/webmail/mailboxes/999999999");
      expect(missing.status()).toBe(404);
      await expectPagePolicy(missing);

      const employee = await playwright.request.newContext({ baseURL, storageState: storageStateOf("employee") });
      try {
        const refused = await get(employee, "/audit");
        expect(refused.status()).toBe(403);
        await expectPagePolicy(refused);
      } finally {
        await employee.dispose();
      }

      // API routes: nothing may run or be framed there.
      for (const path of ["/api/mailboxes/export", "/api/health", "/api/auth/session"]) {
        const response = await get(request, path);
        expect(response.status(), path).toBe(200);
        expect(expectFixedHeaders(response), path).toContain("default-src 'none'");
      }
    });
  });
});

test.describe("in Chromium", () => {
  /** Records every CSP violation the page reports, from before its first script runs. */
  async function watchViolations(page: Page): Promise<string[]> {
    const logged: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) logged.push(message.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    return logged;
  }
  const violations = (page: Page) =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  /** React has hydrated the document: its fiber is attached to <body>. */
  const hydrated = (page: Page) =>
    expect
      .poll(() => page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber"))))
      .toBe(true);

  test("sign-in, mailbox grid, a mailbox's settings and the access-rights editor: hydrated, no violation", async ({
    page,
  }) => {
    const consoleViolations = await watchViolations(page);
    await page.goto("/login");
    await hydrated(page);
    expect(await violations(page)).toEqual([]);
    await signIn(page, ACCOUNTS.admin.email, DEMO_PASSWORD);
    await expect(page).not.toHaveURL(/\/login/);

    await page.goto("/en/webmail/mailboxes");
    await hydrated(page);
    await page.getByTestId("presets").click();
    await expect(page.getByTestId("save-preset")).toBeVisible();
    expect(await violations(page)).toEqual([]);

    const [mailbox] = await e2eQuery<{ id: number }>(`SELECT id FROM "Mailbox" ORDER BY id LIMIT 1`);
    await page.goto(`/en/webmail/mailboxes/${mailbox!.id}`);
    await hydrated(page);
    expect(await violations(page)).toEqual([]);

    await page.goto("/en/webmail/access");
    await hydrated(page);
    await expect(page.getByRole("button", { name: "New role" })).toBeEnabled();
    expect(await violations(page)).toEqual([]);
    expect(consoleViolations).toEqual([]);

    // The watch works: an injected inline handler is blocked and reported.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such.png" onerror="window.injected = 1">`),
    );
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-attr /)]);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
  });
});

test.describe("changes only from this console's pages", () => {
  test.use({ storageState: storageStateOf("admin") });
  const SAVE_PRESET = {
    file: "app/[locale]/(console)/webmail/mailboxes/_lib/grid-actions.ts",
    name: "savePresetAction",
    path: "/webmail/mailboxes",
  };
  const DELETE_PRESET = { ...SAVE_PRESET, name: "deletePresetAction" };
  const presetsNamed = (name: string) =>
    e2eQuery<{ id: number }>(`SELECT id FROM "SavedFilter" WHERE name = $1`, [name]);

  test("a server action without Origin, or from another origin, is refused with 403 and changes nothing", async ({
    request,
    baseURL,
  }) => {
    const name = `e2e origin preset ${Date.now()}`;
    const input = { name, query: "crm=yes" };
    const port = new URL(baseURL!).port;
    for (const origin of [null, "https://attacker.example", `http://127.0.0.2:${port}`, "http://localhost:1", "null"]) {
      expect(await callAction(request, baseURL!, SAVE_PRESET, input, { origin }), String(origin)).toEqual({
        ok: false,
        code: "ORIGIN_REFUSED",
      });
    }
    expect(await presetsNamed(name)).toEqual([]);

    // From the console's own origin it works.
    expect(await callAction(request, baseURL!, SAVE_PRESET, input)).toMatchObject({ ok: true });
    const [saved] = await presetsNamed(name);
    expect(saved).toBeDefined();
    expect(await callAction(request, baseURL!, DELETE_PRESET, { id: saved!.id }, { origin: null })).toEqual({
      ok: false,
      code: "ORIGIN_REFUSED",
    });
    expect(await presetsNamed(name)).toEqual([saved]);
    expect(await callAction(request, baseURL!, DELETE_PRESET, { id: saved!.id })).toMatchObject({ ok: true });
    expect(await presetsNamed(name)).toEqual([]);
  });

  test("a form post to a page (how Next.js runs actions before hydration) needs the Origin as well", async ({
    request,
    baseURL,
  }) => {
    const form = { multipart: { email: "someone@demo.test" }, maxRedirects: 0 };
    const bare = await request.post("/webmail/mailboxes", form);
    expect(bare.status()).toBe(403);
    expectFixedHeaders(bare);
    const own = await request.post("/webmail/mailboxes", { ...form, headers: { Origin: baseURL! } });
    expect(own.status()).not.toBe(403);
  });
});
