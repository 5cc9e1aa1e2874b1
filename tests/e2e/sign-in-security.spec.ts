// Sign-in throttling and session revocation over HTTP, as an attacker would script them against
// Auth.js's own endpoints. Each test plays its clients from its own 127.0.0.x address, so the
// address-wide limit never touches other specs (which come from 127.0.0.1).
import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./accounts.ts";
import { cookieJar, rawRequest, signInOverHttp } from "./auth-http.ts";
import { e2eQuery } from "./database.ts";

const FREE_ATTEMPTS = 5;

/** Active demo employees no other spec signs in as. */
async function spareAccounts(count: number): Promise<string[]> {
  const rows = await e2eQuery<{ email: string }>(
    `SELECT email FROM "User" WHERE status = 'ACTIVE' AND kind = 'EMPLOYEE' AND "passwordHash" IS NOT NULL
       AND NOT "isPortalAdmin" AND email <> ALL($2::text[]) ORDER BY id DESC LIMIT $1`,
    [count, Object.values(ACCOUNTS).map((account) => account.email)],
  );
  expect(rows).toHaveLength(count);
  return rows.map((row) => row.email);
}

test.describe("sign-in throttle", () => {
  test("25 parallel guesses for one account check at most the free attempts, and the owner elsewhere still signs in", async ({
    baseURL,
  }) => {
    const [victim] = await spareAccounts(1);
    const attacker = "127.0.0.21";
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        signInOverHttp(baseURL!, victim!, index === 24 ? DEMO_PASSWORD : `guess-${index}`, attacker),
      ),
    );
    const checked = guesses.filter((outcome) => outcome.ok || outcome.code !== "throttled");
    expect(checked.length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(guesses.filter((outcome) => !outcome.ok && outcome.code === "throttled").length).toBeGreaterThanOrEqual(20);
    // The right password from the attacker's address is refused now…
    expect(await signInOverHttp(baseURL!, victim!, DEMO_PASSWORD, attacker)).toEqual({ ok: false, code: "throttled" });
    // …and a forwarded-for header the client writes itself does not make it someone else.
    expect(
      await signInOverHttp(baseURL!, victim!, DEMO_PASSWORD, attacker, { "x-forwarded-for": "203.0.113.9" }),
    ).toEqual({ ok: false, code: "throttled" });
    // The owner, from their own address, is not locked out.
    expect(await signInOverHttp(baseURL!, victim!, DEMO_PASSWORD, "127.0.0.22")).toMatchObject({ ok: true });
  });

  test("one address guessing across many accounts is throttled for every account", async ({ baseURL }) => {
    const [account] = await spareAccounts(2);
    const sprayer = "127.0.0.23";
    const sprayed = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        signInOverHttp(baseURL!, `nobody-${index}@example.org`, "123456", sprayer),
      ),
    );
    expect(sprayed.filter((outcome) => !outcome.ok && outcome.code === "invalid")).toHaveLength(30);
    expect(await signInOverHttp(baseURL!, account!, DEMO_PASSWORD, sprayer)).toEqual({ ok: false, code: "throttled" });
    expect(await signInOverHttp(baseURL!, account!, DEMO_PASSWORD, "127.0.0.24")).toMatchObject({ ok: true });
  });
});

test.describe("signed-out sessions stay ended", () => {
  test("after Auth.js's own sign-out, the old cookie gets no session, no new cookie and no page", async ({
    baseURL,
  }) => {
    const [account] = await spareAccounts(3);
    const from = "127.0.0.25";
    const signedIn = await signInOverHttp(baseURL!, account!, DEMO_PASSWORD, from);
    expect(signedIn.ok).toBe(true);
    const cookie = (signedIn as { cookie: string }).cookie;
    const before = await rawRequest(baseURL!, "/api/auth/session", { from, headers: { cookie } });
    expect(JSON.parse(before.body)).toMatchObject({ user: { id: expect.any(String) } });

    const csrf = await rawRequest(baseURL!, "/api/auth/csrf", { from, headers: { cookie } });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const signOut = await rawRequest(baseURL!, "/api/auth/signout", {
      method: "POST",
      from,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${cookieJar(csrf)}` },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }).toString(),
    });
    expect(signOut.status).toBeLessThan(400);

    // The copy of the old cookie: no session, and the answer clears it instead of renewing it.
    const after = await rawRequest(baseURL!, "/api/auth/session", { from, headers: { cookie } });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toBeNull();
    const renewed = after.setCookies.filter((line) => /^authjs\.session-token=[^;]+/.test(line));
    expect(renewed).toEqual([]);
    const page = await rawRequest(baseURL!, "/company/employees", { from, headers: { cookie } });
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.location).toMatch(/\/login/);
  });
});
