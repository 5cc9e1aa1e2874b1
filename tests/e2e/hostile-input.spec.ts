// Hostile input over HTTP (security issue #10, finding 8): ids past 2³¹−1, NUL bytes, lone
// surrogates and bidi overrides get a 404 or a validation error — never a 500, an "unexpected"
// error or a half-saved record.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callAction, callActionDetailed } from "./server-actions.ts";

const PAST_INT4 = 2 ** 31;
const HUGE = "99999999999";
const MAILBOX_ACTIONS = "app/[locale]/(console)/webmail/_lib/mailbox-actions.ts";
const GRID_ACTIONS = "app/[locale]/(console)/webmail/mailboxes/_lib/grid-actions.ts";
const ROLE_ACTIONS = "app/[locale]/(console)/_access-rights/actions.ts";
const PICKER_ACTIONS = "components/access/actions.ts";

test.describe("as the administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a mailbox id past 2³¹ in the path is a 404, not a 500", async ({ request }) => {
    for (const path of [
      `/webmail/mailboxes/${HUGE}`,
      `/webmail/mailboxes/${PAST_INT4}`,
      `/de/webmail/mailboxes/${HUGE}`,
    ])
      expect((await request.get(path)).status(), path).toBe(404);
    expect((await request.get(`/api/bulk-connect/${HUGE}`)).status()).toBe(404);
  });

  test("grid filters with ids past 2³¹ and NUL bytes: the grid renders", async ({ request }) => {
    const response = await request.get(
      `/webmail/mailboxes?owners=${HUGE}&access=${PAST_INT4}&queue=${HUGE}&name=%00&sender=x%00y`,
    );
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="mailbox-grid"');
    expect(html).not.toContain('data-testid="grid-error"');
    const csv = await request.get(`/api/mailboxes/export?owners=${HUGE}&q=%00`);
    expect(csv.status()).toBe(200);
    const status = await request.get(`/api/mailboxes/status?ids=${HUGE},${PAST_INT4},1`);
    expect(status.status()).toBe(200);
  });

  test("audit, directory and effective-rights filters past 2³¹ or with NUL bytes render the page", async ({
    request,
  }) => {
    for (const path of [
      `/audit?actor=${HUGE}&entity=%00&page=${HUGE}`,
      `/company/employees?q=%00&page=${HUGE}`,
      `/access/effective?user=${HUGE}`,
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
    }
  });

  test("an action with an id of 2³¹ is a validation error", async ({ request, baseURL }) => {
    const grid = { path: "/webmail/mailboxes" };
    // The settings page of a mailbox the administrator may edit sends the disconnect action.
    const [own] = await e2eQuery<{ id: number }>(`SELECT id FROM "Mailbox" ORDER BY id LIMIT 1`);
    for (const [target, input] of [
      [{ ...grid, file: MAILBOX_ACTIONS, name: "syncNowAction" }, { mailboxIds: [PAST_INT4] }],
      [
        { path: `/webmail/mailboxes/${own!.id}`, file: MAILBOX_ACTIONS, name: "disconnectMailboxAction" },
        { mailboxId: PAST_INT4 },
      ],
      [{ ...grid, file: GRID_ACTIONS, name: "deletePresetAction" }, { id: PAST_INT4 }],
      [
        { ...grid, file: GRID_ACTIONS, name: "setCrmEnabledAction" },
        { mailboxIds: [PAST_INT4], enabled: true },
      ],
      [
        { path: "/webmail/access", file: ROLE_ACTIONS, name: "saveHiddenRoles" },
        { module: "WEBMAIL", hiddenRoleIds: [PAST_INT4] },
      ],
    ] as const)
      expect(await callAction(request, baseURL!, target, input), target.name).toEqual({
        ok: false,
        code: "VALIDATION",
      });
  });

  test("a role or preset name with U+202E is refused with a field error and nothing is saved", async ({
    request,
    baseURL,
  }) => {
    const roles = await e2eQuery(`SELECT id, name FROM "Role" ORDER BY id`);
    const role = await callActionDetailed(
      request,
      baseURL!,
      { file: ROLE_ACTIONS, name: "saveRoles", path: "/webmail/access" },
      {
        module: "WEBMAIL",
        revision: 999_999,
        roles: [{ id: null, name: "Helpdesk \u202Etxt.exe", levels: {}, assignments: [] }],
      },
    );
    expect(role).toEqual({
      outcome: { ok: false, code: "VALIDATION" },
      fieldErrors: { "roles.0.name": "disallowedCharacters" },
    });
    expect(await e2eQuery(`SELECT id, name FROM "Role" ORDER BY id`)).toEqual(roles);

    const presets = await e2eQuery(`SELECT count(*)::int AS count FROM "SavedFilter"`);
    const preset = await callActionDetailed(
      request,
      baseURL!,
      { file: GRID_ACTIONS, name: "savePresetAction", path: "/webmail/mailboxes" },
      { name: "Invoices \u202Efdp.exe", query: "crm=yes" },
    );
    expect(preset).toEqual({
      outcome: { ok: false, code: "VALIDATION" },
      fieldErrors: { name: "disallowedCharacters" },
    });
    expect(await e2eQuery(`SELECT count(*)::int AS count FROM "SavedFilter"`)).toEqual(presets);
  });
});

test.describe("as an employee", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("NUL bytes, lone surrogates and bidi overrides in mailbox settings: a field error, the mailbox unchanged", async ({
    request,
    baseURL,
  }) => {
    const [own] = await e2eQuery<{ id: number }>(`
      SELECT m.id FROM "Mailbox" m JOIN "User" u ON u.id = m."ownerId" WHERE u.email = 'employee@demo.test' ORDER BY m.id LIMIT 1`);
    const before = await e2eQuery(`SELECT name, "senderName", "signatureHtml" FROM "Mailbox" WHERE id = $1`, [own!.id]);
    const target = { file: MAILBOX_ACTIONS, name: "updateGeneralAction", path: `/webmail/mailboxes/${own!.id}` };
    const general = {
      mailboxId: own!.id,
      name: "Sales inbox",
      syncPeriod: "7",
      saveSentCopy: true,
      excludedFolders: [],
      signatureHtml: "<p>Regards</p>",
    };
    for (const [field, value] of [
      ["name", "Sales\u0000inbox"],
      ["name", "Sales \uD800"],
      ["senderName", "Jonas \u202EWeber"],
      ["senderName", "Jonas\r\nBcc: someone@else.test"],
      ["signatureHtml", "<p>\u0000</p>"],
    ] as const) {
      const result = await callActionDetailed(request, baseURL!, target, { ...general, [field]: value });
      expect(result, JSON.stringify(value)).toEqual({
        outcome: { ok: false, code: "VALIDATION" },
        fieldErrors: { [field]: "disallowedCharacters" },
      });
    }
    expect(
      await e2eQuery(`SELECT name, "senderName", "signatureHtml" FROM "Mailbox" WHERE id = $1`, [own!.id]),
    ).toEqual(before);
  });

  test("a NUL byte in the subject picker's search is a validation error", async ({ request, baseURL }) => {
    const outcome = await callAction(
      request,
      baseURL!,
      { file: PICKER_ACTIONS, name: "searchSubjectsAction", path: "/webmail/connect" },
      { query: "an\u0000na" },
    );
    expect(outcome).toEqual({ ok: false, code: "VALIDATION" });
  });
});
