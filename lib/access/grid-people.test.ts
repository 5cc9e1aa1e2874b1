// The grid names only people it could show anyway: ids typed into its URL filters do not look up
// the names and addresses of people outside the viewer's mailbox scope.
import { beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createMailbox, createUser } from "../../tests/factories.ts";
import { db } from "../db.ts";
import { gridPage } from "../mailboxes/grid/page-data.ts";
import { loadGridParams, normalizeGridParams } from "../mailboxes/grid/params.ts";
import { loadAccess } from "./access.ts";
import { ensureDefaultRoles } from "./defaults.ts";
import { peopleInMailboxView } from "./grid-people.ts";

describe("people the mailbox grid may name", () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    await ensureDefaultRoles(db);
    for (const key of ["admin", "head", "anna", "shareTarget", "queueTarget", "finn"])
      ids[key] = (
        await createUser(db, { email: `${key}@people.test`, isPortalAdmin: key === "admin", lastName: key })
      ).id;
    ids.partner = (await createUser(db, { email: "partner@people.test", kind: "EXTERNAL" })).id;
    // The head of Sales sees Sales' mailboxes (default supervisor role: 201 with sub-departments).
    const sales = await createDepartment(db, { name: "Sales", headId: ids.head });
    const finance = await createDepartment(db, { name: "Finance" });
    await addMembers(db, sales.id, [ids.anna!]);
    await addMembers(db, finance.id, [ids.shareTarget!, ids.queueTarget!, ids.finn!]);
    const box = await createMailbox(db, ids.anna!);
    await db.mailboxAccess.create({ data: { mailboxId: box.id, subjectKind: "USER", subjectRefId: ids.shareTarget! } });
    await db.mailboxCrmQueueMember.create({ data: { mailboxId: box.id, userId: ids.queueTarget!, position: 0 } });
    // Finn's own mailbox, shared with the partner: outside the head's scope altogether.
    const finnBox = await createMailbox(db, ids.finn!);
    await db.mailboxAccess.create({ data: { mailboxId: finnBox.id, subjectKind: "USER", subjectRefId: ids.partner! } });
  });

  const everyone = () => [...Object.values(ids), 2_000_000_000];

  it("a head: themself, owners in scope, and whoever a mailbox in scope is shared with or queues to", async () => {
    const named = await peopleInMailboxView(db, await loadAccess(db, ids.head!), everyone());
    expect([...named].sort()).toEqual([ids.head, ids.anna, ids.shareTarget, ids.queueTarget].sort());
  });

  it("an administrator (every mailbox): everyone", async () => {
    const named = await peopleInMailboxView(db, await loadAccess(db, ids.admin!), everyone());
    expect(named.has(ids.partner!)).toBe(true);
    expect(named.has(ids.finn!)).toBe(true);
  });

  it("the grid page's labels leave out-of-scope people in the URL filters unnamed", async () => {
    const query = normalizeGridParams(
      loadGridParams(
        new URLSearchParams(`owners=${ids.finn},${ids.partner}&access=${ids.shareTarget}&queue=${ids.partner}`),
      ),
      20,
    );
    const head = await gridPage(db, await loadAccess(db, ids.head!), query);
    const text = JSON.stringify(head.labels);
    expect(text).not.toContain("finn@people.test");
    expect(text).not.toContain("partner@people.test");
    expect(head.labels[`USER:${ids.shareTarget}`]?.detail).toBe("shareTarget@people.test");
    const admin = await gridPage(db, await loadAccess(db, ids.admin!), query);
    expect(admin.labels[`USER:${ids.partner}`]?.detail).toBe("partner@people.test");
  });
});
