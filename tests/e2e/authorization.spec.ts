// Who may open which page and call which server action — checked over HTTP for every demo user,
// not only by what the UI shows.
import { expect, test } from "@playwright/test";
import { type Role, storageStateOf } from "./accounts.ts";
import { callAction } from "./server-actions.ts";

const ROLES: Role[] = ["admin", "headSales", "employee", "telephony", "external"];

const PAGES: { path: string; allowed: Role[] }[] = [
  { path: "/webmail/access", allowed: ["admin"] },
  { path: "/telephony/access", allowed: ["admin", "telephony"] },
  { path: "/access/effective", allowed: ["admin", "telephony"] },
  { path: "/audit", allowed: ["admin"] },
  { path: "/company/employees", allowed: ["admin", "headSales", "employee", "telephony"] },
  { path: "/company/departments", allowed: ["admin", "headSales", "employee", "telephony"] },
];

const ROLE_ACTIONS = "app/[locale]/(console)/_access-rights/actions.ts";
const ACTIONS: {
  name: string;
  target: { file: string; name: string; path: string };
  input: unknown;
  allowed: Role[];
  allowedOutcome?: string;
}[] = [
  {
    name: "save webmail roles",
    target: { file: ROLE_ACTIONS, name: "saveRoles", path: "/webmail/access" },
    // A revision that cannot be current: allowed users get CONFLICT (nothing is written), others FORBIDDEN.
    input: { module: "WEBMAIL", revision: 999_999, roles: [{ id: null, name: "x", levels: {}, assignments: [] }] },
    allowed: ["admin"],
    allowedOutcome: "CONFLICT",
  },
  {
    name: "save telephony roles",
    target: { file: ROLE_ACTIONS, name: "saveRoles", path: "/telephony/access" },
    input: { module: "TELEPHONY", revision: 999_999, roles: [{ id: null, name: "x", levels: {}, assignments: [] }] },
    allowed: ["admin", "telephony"],
    allowedOutcome: "CONFLICT",
  },
  {
    name: "read webmail roles",
    target: { file: ROLE_ACTIONS, name: "reloadRoles", path: "/webmail/access" },
    input: { module: "WEBMAIL" },
    allowed: ["admin"],
  },
  {
    name: "read telephony roles",
    target: { file: ROLE_ACTIONS, name: "reloadRoles", path: "/telephony/access" },
    input: { module: "TELEPHONY" },
    allowed: ["admin", "telephony"],
  },
  {
    name: "save hidden role columns",
    target: { file: ROLE_ACTIONS, name: "saveHiddenRoles", path: "/webmail/access" },
    input: { module: "WEBMAIL", hiddenRoleIds: [] },
    allowed: ["admin"],
  },
  {
    name: "search people and departments",
    target: { file: "components/access/actions.ts", name: "searchSubjectsAction", path: "/webmail/access" },
    input: { query: "a" },
    allowed: ["admin", "headSales", "employee", "telephony"],
  },
];

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    for (const page of PAGES) {
      const allowed = page.allowed.includes(role);
      test(`${allowed ? "opens" : "is refused"} ${page.path}`, async ({ request }) => {
        const response = await request.get(page.path, { maxRedirects: 0 });
        expect(response.status()).toBe(allowed ? 200 : 403);
      });
    }

    for (const action of ACTIONS) {
      const allowed = action.allowed.includes(role);
      test(`${allowed ? "may" : "may not"} ${action.name} (server action)`, async ({ request, baseURL }) => {
        const outcome = await callAction(request, baseURL!, action.target, action.input);
        if (!allowed) expect(outcome).toEqual({ ok: false, code: "FORBIDDEN" });
        else if (action.allowedOutcome) expect(outcome).toEqual({ ok: false, code: action.allowedOutcome });
        else expect(outcome.ok).toBe(true);
      });
    }
  });
}

test("without a session, no server action runs: the request goes to the sign-in page", async ({ request, baseURL }) => {
  for (const action of ACTIONS) {
    expect(await callAction(request, baseURL!, action.target, action.input)).toEqual({
      ok: false,
      code: "SIGN_IN_REQUIRED",
    });
  }
});
