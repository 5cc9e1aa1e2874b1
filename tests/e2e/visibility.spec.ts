// What users can see of other people: the grid names only people within the viewer's mailbox
// scope, whatever ids its URL carries; the subject picker offers the extranet only to portal
// administrators and webmail role editors.
import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";
import { callAction } from "./server-actions.ts";

type Person = { id: number; name: string; email: string };

// People the head of Sales' grid could not show: outside the Sales tree, owning no mailbox there,
// sharing none, in no CRM queue of one — an extranet user and an employee of another department.
const OUT_OF_SALES_SCOPE = `
  WITH me AS (SELECT id FROM "User" WHERE email = '${ACCOUNTS.headSales.email}'),
  tree AS (SELECT d.id FROM "Department" d, "Department" root, me
           WHERE root."headId" = me.id AND d.path LIKE root.path || '%'),
  scope AS (SELECT "userId" AS id FROM "DepartmentMember" WHERE "departmentId" IN (SELECT id FROM tree)
            UNION SELECT "headId" FROM "Department" WHERE id IN (SELECT id FROM tree) AND "headId" IS NOT NULL
            UNION SELECT id FROM me),
  boxes AS (SELECT id FROM "Mailbox" WHERE "ownerId" IN (SELECT id FROM scope))
  SELECT u.id, u."firstName" || ' ' || u."lastName" AS name, u.email FROM "User" u
  WHERE u.kind = $1 AND u.id NOT IN (SELECT id FROM scope)
    AND u.id NOT IN (SELECT "subjectRefId" FROM "MailboxAccess" WHERE "subjectKind" = 'USER' AND "mailboxId" IN (SELECT id FROM boxes))
    AND u.id NOT IN (SELECT "userId" FROM "MailboxCrmQueueMember" WHERE "mailboxId" IN (SELECT id FROM boxes))
  ORDER BY u.id LIMIT 1`;

test.describe("the grid's URL filters, as the head of Sales (supervisor)", () => {
  test.use({ storageState: storageStateOf("headSales") });

  test("ids of people outside the viewer's scope are not turned into names or addresses", async ({ request }) => {
    const [external] = await e2eQuery<Person>(OUT_OF_SALES_SCOPE, ["EXTERNAL"]);
    const [employee] = await e2eQuery<Person>(OUT_OF_SALES_SCOPE, ["EMPLOYEE"]);
    expect(external && employee, "the demo data has people outside Sales").toBeTruthy();
    // A member of Sales in the same filter is still named in its chip.
    const [member] = await e2eQuery<Person>(`
      SELECT u.id, u."firstName" || ' ' || u."lastName" AS name, u.email
      FROM "User" u JOIN "DepartmentMember" dm ON dm."userId" = u.id JOIN "Department" d ON d.id = dm."departmentId",
        "Department" root JOIN "User" me ON me.id = root."headId"
      WHERE me.email = '${ACCOUNTS.headSales.email}' AND d.path LIKE root.path || '%' AND u.id <> me.id
      ORDER BY u.id LIMIT 1`);
    const response = await request.get(
      `/webmail/mailboxes?owners=${member!.id},${external!.id},${employee!.id}&access=${external!.id}&queue=${employee!.id}`,
    );
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="filter-chips"');
    expect(html).toContain(`Owner: ${member!.name}`);
    for (const person of [external!, employee!]) {
      expect(html, person.email).not.toContain(person.name);
      expect(html, person.email).not.toContain(person.email);
    }
  });
});

const PICKER = { file: "components/access/actions.ts", name: "searchSubjectsAction", path: "/webmail/connect" };
const EXTRANET_MARKERS = [ACCOUNTS.external.email, "@partner.demo.test", "Partner Portal", "Agency Collaboration"];

test.describe("the subject picker, as an ordinary employee", () => {
  test.use({ storageState: storageStateOf("employee") });

  test("offers colleagues and company groups, never extranet users or external groups", async ({
    request,
    baseURL,
    playwright,
  }) => {
    for (const query of ["partner", "Brightside", ACCOUNTS.external.email, "Emma", ""]) {
      const outcome = await callAction(request, baseURL!, PICKER, { query });
      expect(outcome.ok, query).toBe(true);
      const body = outcome.ok ? outcome.body : "";
      for (const marker of EXTRANET_MARKERS) expect(body, `${query}: ${marker}`).not.toContain(marker);
    }
    const colleagues = await callAction(request, baseURL!, PICKER, { query: ACCOUNTS.headSales.email });
    expect(colleagues.ok && colleagues.body).toContain(ACCOUNTS.headSales.email);

    // The administrator, who assigns roles to external groups, is offered both.
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
    const people = await callAction(admin, baseURL!, PICKER, { query: "partner" });
    expect(people.ok && people.body).toContain("@partner.demo.test");
    const groups = await callAction(admin, baseURL!, PICKER, { query: "Partner Portal" });
    expect(groups.ok && groups.body).toContain("Partner Portal");
    await admin.dispose();
  });
});
