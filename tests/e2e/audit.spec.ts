// The audit list stays small whatever an event holds: it shows a summary, and the whole change is
// on the event's own page — behind the same check as the list.
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

const CONTACTS = 5000;
// The list page with the demo data's events and the huge one is about 70 KB; the huge event's
// contacts alone are about 450 KB, and a page that carried them would be twice that (HTML + payload).
const LIST_PAGE_MAX_BYTES = 200_000;

let eventId: string;

test.beforeAll(async () => {
  const contacts = Array.from({ length: CONTACTS }, (_, index) => ({
    email: `imported.contact${index}@huge-import.test`,
    name: `Imported Contact Number ${index}`,
  }));
  const [row] = await e2eQuery<{ id: string }>(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId", before, after)
     VALUES ('mailbox.contacts', 'Mailbox', '0', $1::jsonb, $2::jsonb) RETURNING id::text`,
    [JSON.stringify({ contacts: [] }), JSON.stringify({ contacts })],
  );
  eventId = row!.id;
});

test.afterAll(async () => {
  await e2eQuery(`DELETE FROM "AuditEvent" WHERE id = $1::bigint`, [eventId]);
});

test.describe("as the administrator", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a 5,000-contact change: the list shows a short summary, its own page the whole change", async ({ request }) => {
    const list = await request.get("/audit");
    expect(list.status()).toBe(200);
    const html = await list.text();
    expect(html).toContain(`href="/audit/${eventId}"`);
    expect(html).toContain("5,000 entries");
    expect(html).not.toContain("imported.contact4999@huge-import.test");
    expect(Buffer.byteLength(html)).toBeLessThan(LIST_PAGE_MAX_BYTES);

    const detail = await request.get(`/audit/${eventId}`);
    expect(detail.status()).toBe(200);
    const full = await detail.text();
    expect(full).toContain("imported.contact0@huge-import.test");
    expect(full).toContain("imported.contact4999@huge-import.test");
    // An id that cannot exist (past bigint, not digits) is a 404, not a database error.
    for (const id of ["99999999999999999999", "0", "abc", "1.5"])
      expect((await request.get(`/audit/${id}`)).status(), id).toBe(404);
  });
});

for (const role of ["headSales", "employee", "external"] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateOf(role) });

    test("the event's page is refused like the list", async ({ request }) => {
      expect((await request.get("/audit")).status()).toBe(403);
      const detail = await request.get(`/audit/${eventId}`);
      expect(detail.status()).toBe(403);
      expect(await detail.text()).not.toContain("huge-import.test");
    });
  });
}
