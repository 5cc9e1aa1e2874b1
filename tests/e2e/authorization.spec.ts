// Who may open which page and call which server action — checked over HTTP for every demo user,
// not only by what the UI shows.
import { expect, test } from "@playwright/test";
import { type Role, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { grantEverythingToTheExternalUser, withdrawTheGrants } from "./external-grants.ts";
import { callAction } from "./server-actions.ts";

const ROLES: Role[] = ["admin", "headSales", "employee", "telephony", "external"];

// The grid needs 201 > none: the administrator, and heads of department through the default
// supervisor role — head.sales, and telephony@demo.test, who heads Telephony Support.
const GRID_USERS: Role[] = ["admin", "headSales", "telephony"];

// Telephony user settings: the Administrator role (admin, telephony) holds "any user"; everyone
// else is denied by default. An external user given the right keeps it capped at their own
// settings (SPEC §7), so for them the page opens (grantedExternal) and lists only themselves.
// Numbers: the Administrator role; balance: nobody by default, so portal administrators only.
const CALL_USERS: Role[] = ["admin", "headSales", "employee", "telephony"];
const EMPLOYEES: Role[] = ["admin", "headSales", "employee", "telephony"];

const PAGES: { path: string; allowed: Role[]; grantedExternal?: boolean }[] = [
  { path: "/telephony/users", allowed: ["admin", "telephony"], grantedExternal: true },
  { path: "/telephony/users?q=%00&page=-5", allowed: ["admin", "telephony"], grantedExternal: true },
  { path: "/telephony/numbers", allowed: ["admin", "telephony"] },
  { path: "/telephony/balance", allowed: ["admin"] },
  { path: "/telephony/balance?from=nonsense&to=2026-13-45&page=x", allowed: ["admin"] },
  { path: "/webmail/access", allowed: ["admin"] },
  { path: "/telephony/access", allowed: ["admin", "telephony"] },
  { path: "/telephony/settings", allowed: ["admin", "telephony"] },
  { path: "/access/effective", allowed: ["admin", "telephony"] },
  { path: "/audit", allowed: ["admin"] },
  { path: "/company/employees", allowed: ["admin", "headSales", "employee", "telephony"] },
  { path: "/company/departments", allowed: ["admin", "headSales", "employee", "telephony"] },
  // People (issue 14): everyone has workgroups (an extranet user only their own); managing user
  // groups, one employee's page and the console's Outbox are for administrators.
  { path: "/company/workgroups", allowed: ["admin", "headSales", "employee", "telephony", "external"] },
  { path: "/company/user-groups", allowed: ["admin"] },
  { path: "/company/outbox", allowed: ["admin"] },
  { path: "/company/outbox?page=-3", allowed: ["admin"] },
  { path: "/company/employees/1", allowed: ["admin"] },
  { path: "/webmail/my", allowed: ["admin", "headSales", "employee", "telephony"] },
  // The mail view lists only one's own and shared mailboxes (empty for most): open to everyone.
  // A mailbox that is not theirs is a 404 for everyone, by rank or not (below and webmail.spec.ts).
  { path: "/webmail/mail", allowed: ROLES },
  { path: "/webmail/mail?mailbox=x&folder=-1&message=%00&page=-3&filter=HACKED&q=%25", allowed: ROLES },
  { path: "/webmail/connect", allowed: ["admin", "headSales", "employee", "telephony"] },
  { path: "/webmail/bulk-connect", allowed: ["admin"] },
  { path: "/webmail/bulk-connect/history", allowed: ["admin"] },
  { path: "/webmail/mailboxes", allowed: GRID_USERS },
  { path: "/webmail/mailboxes?sort=nonsense&page=-1&status=HACKED&owners=x", allowed: GRID_USERS },
  { path: "/api/mailboxes/export", allowed: GRID_USERS },
  // Calls: statistics level > none — the admin, the telephony administrator, and every employee
  // through the default "Manager" role (own calls). An external user given the right keeps it,
  // capped at their own calls (SPEC §7), so for them the call log opens with only their calls.
  { path: "/telephony/calls", allowed: CALL_USERS, grantedExternal: true },
  {
    path: "/telephony/calls?sort=nonsense&page=-1&status=HACKED&employees=x&from=never",
    allowed: CALL_USERS,
    grantedExternal: true,
  },
  { path: "/api/telephony/calls/export", allowed: CALL_USERS, grantedExternal: true },
  // The CRM (issue #12): every employee, never an external user — whatever roles they hold.
  { path: "/crm/leads", allowed: EMPLOYEES },
  { path: "/crm/leads?status=HACKED&mine=maybe&sort=nonsense&page=-1&q=%00", allowed: EMPLOYEES },
  { path: "/crm/contacts", allowed: EMPLOYEES },
  { path: "/crm/tasks", allowed: EMPLOYEES },
  { path: "/crm/tasks?done=1", allowed: EMPLOYEES },
];

const ROLE_ACTIONS = "app/[locale]/(console)/_access-rights/actions.ts";
const MAILBOX_ACTIONS = "app/[locale]/(console)/webmail/_lib/mailbox-actions.ts";
const GRID_ACTIONS = "app/[locale]/(console)/webmail/mailboxes/_lib/grid-actions.ts";
const CALL_ACTIONS = "app/[locale]/(console)/telephony/calls/_lib/actions.ts";
const PHONE_ACTIONS = "app/[locale]/(console)/telephony/users/_lib/actions.ts";
const NUMBER_ACTIONS = "app/[locale]/(console)/telephony/numbers/_lib/actions.ts";
const BALANCE_ACTIONS = "app/[locale]/(console)/telephony/balance/_lib/actions.ts";
const TELEPHONY_SETTINGS_ACTIONS = "app/[locale]/(console)/telephony/settings/_lib/actions.ts";
const CRM_ACTIONS = "app/[locale]/(console)/crm/_lib/actions.ts";
// No such record or task: employees get NOT_FOUND (nothing changes), external users FORBIDDEN.
// Each is posted from a page that uses it (the demo's first lead and contact exist).
const crmAction = (name: string, path: string, input: unknown, allowedOutcome?: string) => ({
  name: `CRM: ${name}`,
  target: { file: CRM_ACTIONS, name, path },
  input,
  allowed: EMPLOYEES,
  allowedOutcome,
});
const EMPLOYEE_ACTIONS = "app/[locale]/(console)/company/employees/_lib/actions.ts";
const DEPARTMENT_ACTIONS = "app/[locale]/(console)/company/departments/_lib/actions.ts";
const WORKGROUP_ACTIONS = "app/[locale]/(console)/company/workgroups/_lib/actions.ts";
const USER_GROUP_ACTIONS = "app/[locale]/(console)/company/user-groups/_lib/actions.ts";
// Organisation management: administrators only. Invalid (or pointing at nothing) on purpose:
// the administrator gets VALIDATION or NOT_FOUND and nothing changes; the others FORBIDDEN.
const peopleAction = (file: string, path: string, name: string, input: unknown, allowedOutcome = "VALIDATION") => ({
  name: `people: ${name}`,
  target: { file, name, path },
  input,
  allowed: ["admin"] as Role[],
  allowedOutcome,
});
// Invalid on purpose: allowed users get VALIDATION (nothing changes), others FORBIDDEN before parsing.
const telephonySettingsAction = (name: string, input: unknown) => ({
  name: `telephony settings: ${name}`,
  target: { file: TELEPHONY_SETTINGS_ACTIONS, name, path: "/telephony/settings" },
  input,
  allowed: ["admin", "telephony"] as Role[],
  allowedOutcome: "VALIDATION",
});
const ACTIONS: {
  name: string;
  target: { file: string; name: string; path: string };
  input: unknown;
  allowed: Role[];
  allowedOutcome?: string;
  /** The outcome for an external user given every right (capped at their own records). */
  grantedExternalOutcome?: string;
}[] = [
  {
    name: "save call log columns",
    target: { file: CALL_ACTIONS, name: "saveCallGridPreferenceAction", path: "/telephony/calls" },
    input: {
      columns: ["startedAt", "employee", "direction", "status", "number", "duration", "recording"],
      pageSize: 20,
    },
    allowed: CALL_USERS,
    grantedExternalOutcome: "OK",
  },
  {
    name: "save a call log preset",
    target: { file: CALL_ACTIONS, name: "saveCallPresetAction", path: "/telephony/calls" },
    input: { name: "", query: "status=MISSED" },
    allowed: CALL_USERS,
    allowedOutcome: "VALIDATION",
    grantedExternalOutcome: "VALIDATION",
  },
  {
    name: "delete a call log preset",
    target: { file: CALL_ACTIONS, name: "deleteCallPresetAction", path: "/telephony/calls" },
    input: { id: 999_999 },
    allowed: CALL_USERS,
    allowedOutcome: "NOT_FOUND",
    grantedExternalOutcome: "NOT_FOUND",
  },
  {
    name: "delete a call recording",
    target: { file: CALL_ACTIONS, name: "deleteRecordingAction", path: "/telephony/calls" },
    // No such call: whoever may open the log gets NOT_FOUND (the modify scope is checked per call).
    input: { callId: 999_999 },
    allowed: CALL_USERS,
    allowedOutcome: "NOT_FOUND",
    grantedExternalOutcome: "NOT_FOUND",
  },
  crmAction("createTaskAction", "/crm/leads/1", { title: "" }, "VALIDATION"),
  crmAction("setTaskStatusAction", "/crm/tasks", { taskId: 999_999, done: true }, "NOT_FOUND"),
  crmAction(
    "updateLeadAction",
    "/crm/leads/1",
    { id: 999_999, title: "x", name: "", email: "", phones: [], company: "", status: "NEW", responsibleId: 1 },
    "NOT_FOUND",
  ),
  crmAction(
    "updateContactAction",
    "/crm/contacts/1",
    { id: 999_999, name: "x", emails: [], phones: [], company: "", responsibleId: 1 },
    "NOT_FOUND",
  ),
  // From an open message (webmail): a message nobody may read is NOT_FOUND, like no message at all.
  crmAction(
    "linkMessageAction",
    "/webmail/mail",
    { message: { mailboxId: 999_999, folderPath: "INBOX", uid: 1 }, record: { type: "lead", id: 1 } },
    "NOT_FOUND",
  ),
  crmAction("searchCrmRecordsAction", "/webmail/mail", { query: "zz-no-such-record" }),
  crmAction("saveCrmGridPreferenceAction", "/crm/leads", {
    grid: "leads",
    columns: ["title", "email", "status", "responsible", "createdAt"],
    pageSize: 20,
  }),
  peopleAction(EMPLOYEE_ACTIONS, "/company/employees", "saveEmployeeAction", {
    email: "",
    firstName: "",
    lastName: "",
  }),
  peopleAction(EMPLOYEE_ACTIONS, "/company/employees/1", "deactivateUserAction", { id: 999_999 }, "NOT_FOUND"),
  peopleAction(EMPLOYEE_ACTIONS, "/company/employees/1", "reactivateUserAction", { id: 999_999 }, "NOT_FOUND"),
  peopleAction(
    EMPLOYEE_ACTIONS,
    "/company/employees/1",
    "transferMailboxAction",
    { mailboxId: 999_999, newOwnerId: 999_999 },
    "NOT_FOUND",
  ),
  peopleAction(EMPLOYEE_ACTIONS, "/company/employees/1", "moveToExtranetAction", { mode: "newEmail", userId: 0 }),
  peopleAction(EMPLOYEE_ACTIONS, "/company/employees", "saveUserLimitAction", { userLimit: -1 }),
  peopleAction(DEPARTMENT_ACTIONS, "/company/departments", "saveDepartmentAction", { name: "", parentId: null }),
  peopleAction(DEPARTMENT_ACTIONS, "/company/departments", "deleteDepartmentAction", { id: 999_999 }, "NOT_FOUND"),
  peopleAction(WORKGROUP_ACTIONS, "/company/workgroups", "saveWorkGroupAction", { name: "" }),
  peopleAction(WORKGROUP_ACTIONS, "/company/workgroups/1", "deleteWorkGroupAction", { id: 999_999 }, "NOT_FOUND"),
  peopleAction(USER_GROUP_ACTIONS, "/company/user-groups", "saveUserGroupAction", { name: "" }),
  {
    // Inviting is decided per group (administrators, and the group's owners and moderators), so
    // the action parses first; into a workgroup that does not exist nobody may invite.
    name: "people: invite a partner into a group that does not exist",
    target: { file: EMPLOYEE_ACTIONS, name: "inviteUserAction", path: "/company/employees" },
    input: { email: "nobody@matrix.test", firstName: "No", lastName: "Body", kind: "EXTERNAL", workGroupId: 999_999 },
    allowed: [] as Role[],
  },
  {
    name: "people: invite an employee",
    target: { file: EMPLOYEE_ACTIONS, name: "inviteUserAction", path: "/company/employees" },
    // A taken address: the administrator is told so (and nothing is created); the others are refused.
    input: { email: "employee@demo.test", firstName: "Jonas", lastName: "Weber", kind: "EMPLOYEE" },
    allowed: ["admin"] as Role[],
    allowedOutcome: "VALIDATION",
  },
  telephonySettingsAction("saveGeneralSettingsAction", { defaultOutgoingNumberId: 0, recordingRetentionDays: 0 }),
  telephonySettingsAction("addBlacklistNumberAction", { number: "" }),
  telephonySettingsAction("removeBlacklistNumberAction", { number: "" }),
  telephonySettingsAction("createApiTokenAction", { name: "" }),
  telephonySettingsAction("revokeApiTokenAction", { id: 0 }),
  {
    name: "save a user's phone settings",
    target: { file: PHONE_ACTIONS, name: "updatePhoneSettingsAction", path: "/telephony/users" },
    // No such user: allowed users get NOT_FOUND (nothing is written), others FORBIDDEN.
    input: { userId: 2_000_000_000, device: "", extension: "", outgoingNumberId: null },
    allowed: ["admin", "telephony"],
    allowedOutcome: "NOT_FOUND",
    grantedExternalOutcome: "NOT_FOUND",
  },
  {
    name: "add a rented number",
    target: { file: NUMBER_ACTIONS, name: "addNumberAction", path: "/telephony/numbers" },
    input: { number: "", label: "", connectionId: null },
    allowed: ["admin", "telephony"],
    allowedOutcome: "VALIDATION",
  },
  {
    name: "edit a rented number",
    target: { file: NUMBER_ACTIONS, name: "updateNumberAction", path: "/telephony/numbers" },
    input: { id: 999_999, label: "x", connectionId: null },
    allowed: ["admin", "telephony"],
    allowedOutcome: "NOT_FOUND",
  },
  {
    name: "delete a rented number",
    target: { file: NUMBER_ACTIONS, name: "deleteNumberAction", path: "/telephony/numbers" },
    input: { id: 999_999 },
    allowed: ["admin", "telephony"],
    allowedOutcome: "NOT_FOUND",
  },
  {
    name: "save a SIP connection",
    target: { file: NUMBER_ACTIONS, name: "saveConnectionAction", path: "/telephony/numbers" },
    input: { name: "", host: "", port: 0, login: "" },
    allowed: ["admin", "telephony"],
    allowedOutcome: "VALIDATION",
  },
  {
    name: "delete a SIP connection",
    target: { file: NUMBER_ACTIONS, name: "deleteConnectionAction", path: "/telephony/numbers" },
    input: { id: 999_999 },
    allowed: ["admin", "telephony"],
    allowedOutcome: "NOT_FOUND",
  },
  {
    name: "book a top-up or adjustment",
    target: { file: BALANCE_ACTIONS, name: "addBalanceEntryAction", path: "/telephony/balance" },
    input: { kind: "TOP_UP", amount: "", currency: "EUR", description: "" },
    allowed: ["admin"],
    allowedOutcome: "VALIDATION",
  },
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
    name: "start a bulk connect",
    target: { file: MAILBOX_ACTIONS, name: "bulkConnectAction", path: "/webmail/bulk-connect" },
    // Invalid on purpose: allowed users get VALIDATION (nothing runs), others FORBIDDEN before parsing.
    input: { domain: "", rows: [] },
    allowed: ["admin"],
    allowedOutcome: "VALIDATION",
  },
  {
    name: "test a connection",
    target: { file: MAILBOX_ACTIONS, name: "testConnectionAction", path: "/webmail/connect" },
    input: { ownerId: 0 },
    allowed: ["admin", "headSales", "employee", "telephony"],
    allowedOutcome: "VALIDATION",
  },
  {
    name: "save grid columns",
    target: { file: GRID_ACTIONS, name: "saveGridPreferenceAction", path: "/webmail/mailboxes" },
    input: { columns: ["owner", "email", "lastSync", "crm", "disk", "manage"], pageSize: 20 },
    allowed: GRID_USERS,
  },
  {
    name: "save a grid preset",
    target: { file: GRID_ACTIONS, name: "savePresetAction", path: "/webmail/mailboxes" },
    input: { name: "", query: "crm=yes" },
    allowed: GRID_USERS,
    allowedOutcome: "VALIDATION",
  },
  {
    name: "delete a grid preset",
    target: { file: GRID_ACTIONS, name: "deletePresetAction", path: "/webmail/mailboxes" },
    // No such preset: allowed users get NOT_FOUND (nothing is deleted), others FORBIDDEN.
    input: { id: 999_999 },
    allowed: GRID_USERS,
    allowedOutcome: "NOT_FOUND",
  },
  {
    name: "turn CRM on or off in bulk",
    target: { file: GRID_ACTIONS, name: "setCrmEnabledAction", path: "/webmail/mailboxes" },
    input: { mailboxIds: [], enabled: true },
    allowed: GRID_USERS,
    allowedOutcome: "VALIDATION",
  },
  {
    name: "search people and departments",
    target: { file: "components/access/actions.ts", name: "searchSubjectsAction", path: "/webmail/access" },
    input: { query: "a" },
    allowed: ["admin", "headSales", "employee", "telephony"],
  },
];

/**
 * Every page and server action of the matrix, each expecting what `role` may do; `granted`: the
 * external user holding every right through roles (what the cap at their own records leaves them).
 */
function matrixFor(role: Role, granted = false) {
  for (const page of PAGES) {
    const allowed = page.allowed.includes(role) || (granted && page.grantedExternal === true);
    test(`${allowed ? "opens" : "is refused"} ${page.path}`, async ({ request }) => {
      const response = await request.get(page.path, { maxRedirects: 0 });
      expect(response.status()).toBe(allowed ? 200 : 403);
    });
  }

  for (const action of ACTIONS) {
    const grantedOutcome = granted ? action.grantedExternalOutcome : undefined;
    const allowed = action.allowed.includes(role) || grantedOutcome !== undefined;
    test(`${allowed ? "may" : "may not"} ${action.name} (server action)`, async ({ request, baseURL }) => {
      const outcome = await callAction(request, baseURL!, action.target, action.input);
      // "OK": the action succeeds for them too.
      const expected = grantedOutcome === "OK" ? undefined : (grantedOutcome ?? action.allowedOutcome);
      if (!allowed) expect(outcome).toEqual({ ok: false, code: "FORBIDDEN" });
      else if (expected) expect(outcome).toEqual({ ok: false, code: expected });
      else expect(outcome.ok).toBe(true);
    });
  }
}

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });
    matrixFor(role);
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

test.describe("mailboxes out of scope", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("Sync now and settings of someone else's mailbox are refused; its settings page does not exist", async ({
    request,
    baseURL,
  }) => {
    const [other] = await e2eQuery<{ id: number }>(`
      SELECT m.id FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" WHERE u.email <> 'employee@demo.test' ORDER BY m.id LIMIT 1`);
    const sync = await callAction(
      request,
      baseURL!,
      { file: MAILBOX_ACTIONS, name: "syncNowAction", path: "/webmail/my" },
      { mailboxIds: [other!.id] },
    );
    expect(sync).toEqual({ ok: false, code: "FORBIDDEN" });
    // The action is sent from the employee's own settings page, as the browser would.
    const [own] = await e2eQuery<{ id: number }>(`
      SELECT m.id FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" WHERE u.email = 'employee@demo.test' ORDER BY m.id LIMIT 1`);
    const rename = await callAction(
      request,
      baseURL!,
      { file: MAILBOX_ACTIONS, name: "updateGeneralAction", path: `/webmail/mailboxes/${own!.id}` },
      {
        mailboxId: other!.id,
        name: "hijacked",
        syncPeriod: "7",
        saveSentCopy: true,
        excludedFolders: [],
        signatureHtml: "",
      },
    );
    expect(rename).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await request.get(`/webmail/mailboxes/${other!.id}`)).status()).toBe(404);
  });
});

test.describe("the grid's actions on the team's mailboxes", () => {
  test.use({ storageState: storageStateOf("headSales") });

  test("the head of Sales may see the team's mailboxes but Sync now and CRM on/off on them are refused", async ({
    request,
    baseURL,
  }) => {
    const [team] = await e2eQuery<{ id: number }>(`
      SELECT m.id FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" JOIN "User" me ON me.email = 'head.sales@demo.test'
      WHERE u.id <> me.id AND u.id IN (
        SELECT dm."userId" FROM "DepartmentMember" dm JOIN "Department" d ON d.id = dm."departmentId", "Department" root
        WHERE root."headId" = me.id AND d.path LIKE root.path || '%')
      ORDER BY m.id LIMIT 1`);
    const before = await e2eQuery(`SELECT "crmEnabled", "syncState" FROM "Mailbox" WHERE id = $1`, [team!.id]);
    for (const [name, input] of [
      ["syncNowAction", { mailboxIds: [team!.id] }],
      ["setCrmEnabledAction", { mailboxIds: [team!.id], enabled: true }],
      ["setCrmEnabledAction", { mailboxIds: [team!.id], enabled: false }],
    ] as const) {
      const file = name === "syncNowAction" ? MAILBOX_ACTIONS : GRID_ACTIONS;
      expect(await callAction(request, baseURL!, { file, name, path: "/webmail/mailboxes" }, input)).toEqual({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect(await e2eQuery(`SELECT "crmEnabled", "syncState" FROM "Mailbox" WHERE id = $1`, [team!.id])).toEqual(before);
  });
});

test.describe("grid presets belong to the user who saved them", () => {
  test.use({ storageState: storageStateOf("admin") });
  const target = (name: string) => ({ file: GRID_ACTIONS, name, path: "/webmail/mailboxes" });
  const presetsNamed = (name: string) =>
    e2eQuery<{ id: number }>(`SELECT id FROM "SavedFilter" WHERE name = $1`, [name]);

  test("deleting someone else's preset answers NOT_FOUND, like a preset that does not exist, and deletes nothing", async ({
    request,
    baseURL,
    playwright,
  }) => {
    const name = `e2e admin preset ${Date.now()}`;
    expect(await callAction(request, baseURL!, target("savePresetAction"), { name, query: "crm=yes" })).toMatchObject({
      ok: true,
    });
    const [preset] = await presetsNamed(name);
    const head = await playwright.request.newContext({ baseURL, storageState: storageStateOf("headSales") });
    try {
      const missing = await callAction(head, baseURL!, target("deletePresetAction"), { id: 999_999 });
      const foreign = await callAction(head, baseURL!, target("deletePresetAction"), { id: preset!.id });
      expect(missing).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(foreign).toEqual(missing);
      expect(await presetsNamed(name)).toEqual([preset]);
    } finally {
      await head.dispose();
    }
    // The owner deletes it.
    expect(await callAction(request, baseURL!, target("deletePresetAction"), { id: preset!.id })).toMatchObject({
      ok: true,
    });
    expect(await presetsNamed(name)).toEqual([]);
  });
});

// The same matrix for the external user once they hold every right through their user, a user
// group and their external workgroup (and an admin flag): roles cannot lift anyone out of the
// extranet (SPEC §7), so every answer must be the plain external user's.
test.describe("as external, given every right through user, user group and workgroup", () => {
  test.use({ storageState: storageStateOf("external") });
  let externalId = 0;
  test.beforeAll(async () => {
    externalId = await grantEverythingToTheExternalUser();
  });
  test.afterAll(async () => {
    await withdrawTheGrants(externalId);
  });
  matrixFor("external", true);
});

// A CRM record is edited by its responsible person, the heads above them and administrators
// (issue #12); anyone else in the company may see it but gets FORBIDDEN, and nothing changes.
test.describe("CRM records out of scope", () => {
  const target = (name: string, path: string) => ({ file: CRM_ACTIONS, name, path });
  const leadInput = (lead: { id: number; title: string; responsibleId: number }, title: string) => ({
    id: lead.id,
    title,
    name: "",
    email: "",
    phones: [],
    company: "",
    status: "IN_PROGRESS",
    responsibleId: lead.responsibleId,
  });
  async function leadOf(where: string) {
    const [lead] = await e2eQuery<{ id: number; title: string; responsibleId: number }>(
      `SELECT l.id, l.title, l."responsibleId" FROM "CrmLead" l JOIN "User" u ON u.id = l."responsibleId"
       WHERE ${where} ORDER BY l.id LIMIT 1`,
    );
    return lead!;
  }

  test("the sales representative may not edit a colleague's lead, nor an external user see it", async ({
    playwright,
    baseURL,
  }) => {
    const lead = await leadOf(`u.email <> 'employee@demo.test'`);
    const employee = await playwright.request.newContext({ baseURL, storageState: storageStateOf("employee") });
    const external = await playwright.request.newContext({ baseURL, storageState: storageStateOf("external") });
    try {
      // Visible to every employee, read-only for this one.
      expect((await employee.get(`/crm/leads/${lead.id}`)).status()).toBe(200);
      const outcome = await callAction(
        employee,
        baseURL!,
        target("updateLeadAction", `/crm/leads/${lead.id}`),
        leadInput(lead, "hijacked"),
      );
      expect(outcome).toEqual({ ok: false, code: "FORBIDDEN" });
      expect((await external.get(`/crm/leads/${lead.id}`)).status()).toBe(403);
      expect(
        await callAction(
          external,
          baseURL!,
          target("updateLeadAction", `/crm/leads/${lead.id}`),
          leadInput(lead, "hijacked"),
        ),
      ).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await e2eQuery(`SELECT title FROM "CrmLead" WHERE id = $1`, [lead.id])).toEqual([{ title: lead.title }]);
    } finally {
      await employee.dispose();
      await external.dispose();
    }
  });

  test("the head of Sales may edit a lead of her team; the sales representative his own", async ({
    playwright,
    baseURL,
  }) => {
    const own = await leadOf(`u.email = 'employee@demo.test'`);
    const head = await playwright.request.newContext({ baseURL, storageState: storageStateOf("headSales") });
    const employee = await playwright.request.newContext({ baseURL, storageState: storageStateOf("employee") });
    try {
      const byHead = await callAction(
        head,
        baseURL!,
        target("updateLeadAction", `/crm/leads/${own.id}`),
        leadInput(own, `${own.title} (checked)`),
      );
      expect(byHead.ok).toBe(true);
      const byOwner = await callAction(
        employee,
        baseURL!,
        target("updateLeadAction", `/crm/leads/${own.id}`),
        leadInput(own, own.title),
      );
      expect(byOwner.ok).toBe(true);
      const audit = await e2eQuery<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'crm.lead.update' AND "entityId" = $1`,
        [String(own.id)],
      );
      expect(audit[0]!.n).toBeGreaterThanOrEqual(2);
    } finally {
      await head.dispose();
      await employee.dispose();
    }
  });
});

// Mail is read by its owner and the users it is shared with, never by rank (SPEC §2.4): every mail
// route, API and action on the employee's own mailbox is "not found" for everyone else.
const MAIL_ACTIONS = "app/[locale]/(console)/webmail/mail/_lib/actions.ts";
const COMPOSE_ACTIONS = "app/[locale]/(console)/webmail/mail/compose/_lib/actions.ts";

test.describe("the employee's mail", () => {
  async function employeeMail() {
    const [row] = await e2eQuery<{ mailboxId: number; folderId: number; uid: string }>(`
      SELECT m.id AS "mailboxId", f.id AS "folderId", (SELECT max(uid) FROM "MailMessage" WHERE "folderId" = f.id) AS uid
      FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" JOIN "MailFolder" f ON f."mailboxId" = m.id AND f.path = 'INBOX'
      WHERE u.email = 'employee@demo.test' AND m."imapHost" = '127.0.0.1' ORDER BY m.id LIMIT 1`);
    if (!row) throw new Error("the employee's demo mailbox has not synced: is Dovecot installed?");
    return { ...row, uid: Number(row.uid) };
  }
  const mailActions = (mail: { mailboxId: number; folderId: number; uid: number }) => {
    const selection = { mailboxId: mail.mailboxId, folderId: mail.folderId, uids: [mail.uid] };
    const compose = { file: COMPOSE_ACTIONS, path: `/webmail/mail/compose?mailbox=${mail.mailboxId}` };
    return [
      {
        target: { file: MAIL_ACTIONS, name: "setFlagAction", path: "/webmail/mail" },
        input: { ...selection, flag: "seen", on: true },
      },
      {
        target: { file: MAIL_ACTIONS, name: "moveAction", path: "/webmail/mail" },
        input: { ...selection, targetFolderId: mail.folderId },
      },
      { target: { file: MAIL_ACTIONS, name: "deleteAction", path: "/webmail/mail" }, input: selection },
      {
        target: { file: MAIL_ACTIONS, name: "allowSenderAction", path: "/webmail/mail" },
        input: { mailboxId: mail.mailboxId, folderId: mail.folderId, uid: mail.uid },
      },
      {
        target: { ...compose, name: "sendAction" },
        input: {
          mailboxId: mail.mailboxId,
          to: "x@example.org",
          cc: "",
          bcc: "",
          subject: "s",
          body: "b",
          mode: "new",
          attachments: [],
        },
      },
      {
        target: { ...compose, name: "saveDraftAction" },
        input: { mailboxId: mail.mailboxId, to: "", cc: "", bcc: "", subject: "stolen", body: "" },
      },
    ];
  };

  for (const role of ["admin", "headSales", "telephony", "external"] as Role[]) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: storageStateOf(role) });
      test("every mail page, API and action answers not found and shows none of the mail", async ({
        request,
        baseURL,
      }) => {
        const mail = await employeeMail();
        const ref = `mailbox=${mail.mailboxId}&folder=${mail.folderId}&uid=${mail.uid}`;
        for (const path of [
          `/webmail/mail?mailbox=${mail.mailboxId}`,
          `/webmail/mail?mailbox=${mail.mailboxId}&folder=${mail.folderId}&message=${mail.uid}`,
          `/webmail/mail/compose?mailbox=${mail.mailboxId}&folder=${mail.folderId}&uid=${mail.uid}&mode=forward`,
          `/api/webmail/frame?${ref}`,
          `/api/webmail/attachment?${ref}&part=1`,
        ]) {
          const response = await request.get(path, { maxRedirects: 0 });
          expect(response.status(), path).toBe(404);
          expect(await response.text(), path).not.toMatch(/Anna Schmidt|Marco Rossi|Layla Haddad|northwind\.example/);
        }
        for (const action of mailActions(mail)) {
          expect(await callAction(request, baseURL!, action.target, action.input), action.target.name).toEqual({
            ok: false,
            code: "NOT_FOUND",
          });
        }
      });
    });
  }

  test.describe("as employee (the owner)", () => {
    test.use({ storageState: storageStateOf("employee") });
    test("opens the mail and may act on it", async ({ request, baseURL }) => {
      const mail = await employeeMail();
      expect(
        (
          await request.get(`/webmail/mail?mailbox=${mail.mailboxId}&folder=${mail.folderId}&message=${mail.uid}`)
        ).status(),
      ).toBe(200);
      expect(
        (
          await request.get(`/api/webmail/frame?mailbox=${mail.mailboxId}&folder=${mail.folderId}&uid=${mail.uid}`)
        ).status(),
      ).toBe(200);
      const [flag] = mailActions(mail);
      expect((await callAction(request, baseURL!, flag!.target, flag!.input)).ok).toBe(true);
    });
  });
});
