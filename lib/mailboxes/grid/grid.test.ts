// The grid query against the real database: every filter and sort is checked against a plain
// JavaScript reading of the same rows, scope is the access module's, and nothing of a message
// (subject, sender) reaches the grid or the CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembers, createDepartment, createMailbox, createUser } from "../../../tests/factories.ts";
import { loadAccess } from "../../access/access.ts";
import { ensureDefaultRoles } from "../../access/defaults.ts";
import { db } from "../../db.ts";
import { ForbiddenError } from "../../errors.ts";
import { stopBoss } from "../../jobs/boss.ts";
import { setCrmEnabled } from "../crm-settings.ts";
import { syncNow } from "../sync-now.ts";
import { gridCsv } from "./csv.ts";
import { DAY_MS, startOfDay } from "./dates.ts";
import { gridPage } from "./page-data.ts";
import { type GridParams, loadGridParams, normalizeGridParams, SORT_KEYS } from "./params.ts";
import { queryGrid } from "./query.ts";

const NOW = new Date("2026-11-25T10:00:00Z");
const ZONE = "Europe/Berlin";
const HOUR = 3_600_000;
const SECRET_SUBJECT = "Quarterly numbers — do not forward";
const SECRET_SENDER = "whistle.blower@outside.test";

type Box = Awaited<ReturnType<typeof createMailbox>> & { shares: number[]; queue: number[] };

const query = (search: string, perPage = 100) =>
  normalizeGridParams({ ...loadGridParams(new URLSearchParams(search)), perPage: perPage as 100 }, 20);

describe("mailbox grid query", () => {
  const people: Record<string, { id: number; firstName: string; lastName: string }> = {};
  const boxes: Box[] = [];
  const run = async (search: string, as = "admin") =>
    queryGrid(db, await loadAccess(db, people[as]!.id), query(search), { now: NOW, timeZone: ZONE });
  const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
  const expectIds = async (search: string, predicate: (box: Box) => boolean) => {
    const { rows, total } = await run(search);
    const expected = boxes.filter(predicate).map((box) => box.id);
    expect(expected.length, `fixture has matches for ${search}`).toBeGreaterThan(0);
    expect(expected.length, `fixture has non-matches for ${search}`).toBeLessThan(boxes.length);
    expect(new Set(ids(rows))).toEqual(new Set(expected));
    expect(total).toBe(expected.length);
  };

  beforeAll(async () => {
    await ensureDefaultRoles(db);
    const names = [
      ["admin", "Ada", "Admin"],
      ["head", "Hugo", "Head"],
      ["anna", "Anna", "Albers"],
      ["bruno", "Bruno", "Berg"],
      ["carla", "Carla", "Conti"],
      ["finn", "Finn", "Fischer"],
      ["zoe", "Zoë", "Zimmer"],
    ] as const;
    for (const [key, firstName, lastName] of names) {
      people[key] = await createUser(db, {
        email: `${key}@grid.test`,
        firstName,
        lastName,
        isPortalAdmin: key === "admin",
      });
    }
    const sales = await createDepartment(db, { name: "Sales", headId: people.head!.id });
    const salesDe = await createDepartment(db, { name: "Sales DE", parentId: sales.id });
    const finance = await createDepartment(db, { name: "Finance" });
    await addMembers(db, sales.id, [people.head!.id, people.anna!.id]);
    await addMembers(db, salesDe.id, [people.bruno!.id, people.carla!.id]);
    await addMembers(db, finance.id, [people.finn!.id, people.zoe!.id]);

    const owners = ["head", "anna", "bruno", "carla", "finn", "zoe"];
    // Yesterday late evening in Berlin is still "yesterday" there, although the same UTC day as today's 00:30.
    const todayBerlin = startOfDay(NOW, ZONE);
    const syncTimes = [
      null,
      new Date(NOW.getTime() - HOUR),
      new Date(todayBerlin.getTime() - HOUR / 2),
      new Date(NOW.getTime() - 3 * DAY_MS),
      new Date(NOW.getTime() - 10 * DAY_MS),
      new Date(NOW.getTime() - 40 * DAY_MS),
    ];
    const statuses = ["OK", "OK", "ERROR", "NEEDS_PASSWORD", "PENDING"] as const;
    for (let i = 0; i < 36; i += 1) {
      const owner = people[owners[i % owners.length]!]!;
      const lastSyncAt = syncTimes[i % syncTimes.length]!;
      const box = await createMailbox(db, owner.id, {
        email: `${owner.firstName.toLowerCase()}.${i}@${i % 3 === 0 ? "northwind" : "contoso"}.test`,
        name: i % 4 === 0 ? `Support desk ${i}` : `${owner.firstName} mail ${i}`,
        senderName: i % 5 === 0 ? null : i % 2 ? `Team ${owner.lastName}` : `${owner.firstName} 100%_real`,
        status: lastSyncAt === null && i % 2 ? "PENDING" : statuses[i % statuses.length],
        crmEnabled: i % 3 !== 1,
        diskBytes: BigInt(Math.round(((i * 7) % 37) * 1.5 * 1024 * 1024)),
        unreadCount: (i * 131) % 1400,
        lastSyncAt,
        // Half of the never-synced ones were connected only yesterday: not "not synced for 7 days" yet.
        createdAt: new Date(NOW.getTime() - (i % 4 < 2 ? 1 : 20) * DAY_MS),
      });
      const shares = i % 4 === 1 ? [people.zoe!.id] : i % 4 === 2 ? [people.anna!.id, people.finn!.id] : [];
      const queue = i % 5 === 2 ? [people.bruno!.id] : [];
      if (shares.length)
        await db.mailboxAccess.createMany({
          data: shares.map((userId) => ({ mailboxId: box.id, subjectKind: "USER" as const, subjectRefId: userId })),
        });
      if (queue.length)
        await db.mailboxCrmQueueMember.createMany({
          data: queue.map((userId, position) => ({ mailboxId: box.id, userId, position })),
        });
      boxes.push({ ...box, shares, queue });
    }
    // A department share is not a "user with access" filter match for its members.
    await db.mailboxAccess.create({
      data: { mailboxId: boxes[0]!.id, subjectKind: "DEPARTMENT", subjectRefId: finance.id },
    });
    const folder = await db.mailFolder.create({ data: { mailboxId: boxes[1]!.id, path: "INBOX", name: "INBOX" } });
    await db.mailMessage.create({
      data: {
        folderId: folder.id,
        uid: 1n,
        subject: SECRET_SUBJECT,
        fromAddress: SECRET_SENDER,
        fromName: "W. Blower",
      },
    });
  });
  afterAll(() => stopBoss());

  const ownerOf = (box: Box) => Object.values(people).find((person) => person.id === box.ownerId)!;
  const mb = (box: Box) => Number(box.diskBytes) / 1024 / 1024;

  it("the admin sees every mailbox, counted by the database, twenty to a page by default", async () => {
    const access = await loadAccess(db, people.admin!.id);
    const first = await queryGrid(db, access, normalizeGridParams(loadGridParams(new URLSearchParams("")), 20), {
      now: NOW,
      timeZone: ZONE,
    });
    expect(first.total).toBe(36);
    expect(first.rows).toHaveLength(20);
    const second = await queryGrid(db, access, normalizeGridParams(loadGridParams(new URLSearchParams("page=2")), 20), {
      now: NOW,
      timeZone: ZONE,
    });
    expect(second.rows).toHaveLength(16);
    expect(new Set([...ids(first.rows), ...ids(second.rows)]).size).toBe(36);
  });

  it("the head of Sales sees the Sales tree's mailboxes and nobody else's, and may edit only their own", async () => {
    const sales = new Set([people.head!.id, people.anna!.id, people.bruno!.id, people.carla!.id]);
    const { rows, total } = await run("", "head");
    expect(new Set(ids(rows))).toEqual(new Set(boxes.filter((box) => sales.has(box.ownerId)).map((box) => box.id)));
    expect(total).toBe(rows.length);
    // A filter never widens the scope: Finn's mailboxes stay invisible even when asked for by name.
    expect((await run(`owners=${people.finn!.id}`, "head")).total).toBe(0);
    expect((await run("q=Fischer", "head")).total).toBe(0);
    const page = await gridPage(db, await loadAccess(db, people.head!.id), query(""), { now: NOW, timeZone: ZONE });
    // Their own mailboxes they may edit (owner always passes); their team's only see.
    expect(page.rows.filter((row) => row.canEdit).map((row) => row.owner.id)).toEqual(
      page.rows.filter((row) => row.owner.id === people.head!.id).map((row) => row.owner.id),
    );
    expect(page.rows.some((row) => row.owner.id !== people.head!.id)).toBe(true);
  });

  it("an employee without 201 sees only their own mailboxes in the query (the page itself is refused them)", async () => {
    const { rows } = await run("", "zoe");
    expect(rows.every((row) => row.ownerId === people.zoe!.id)).toBe(true);
  });

  it("free-text search looks at address, name, sender name and owner name, taking % and _ literally", async () => {
    await expectIds("q=northwind", (box) => box.email.includes("northwind"));
    await expectIds("q=support%20desk", (box) => box.name.toLowerCase().includes("support desk"));
    await expectIds(
      "q=conti",
      (box) => ownerOf(box).lastName === "Conti" || (box.senderName ?? "").toLowerCase().includes("conti"),
    );
    await expectIds("q=Anna%20Albers", (box) => ownerOf(box).id === people.anna!.id);
    await expectIds("q=100%25_", (box) => (box.senderName ?? "").includes("100%_"));
    expect((await run("q=10_%25")).total).toBe(0);
  });

  it("each text filter matches its own column only", async () => {
    await expectIds("email=contoso", (box) => box.email.includes("contoso"));
    await expectIds("name=desk", (box) => box.name.includes("desk"));
    await expectIds("sender=team%20conti", (box) => box.senderName === "Team Conti");
  });

  it("owner, user-with-access and CRM-queue filters take people", async () => {
    await expectIds(`owners=${people.anna!.id},${people.finn!.id}`, (box) =>
      [people.anna!.id, people.finn!.id].includes(box.ownerId),
    );
    await expectIds(`access=${people.zoe!.id}`, (box) => box.shares.includes(people.zoe!.id));
    await expectIds(`access=${people.finn!.id}`, (box) => box.shares.includes(people.finn!.id));
    await expectIds(`queue=${people.bruno!.id}`, (box) => box.queue.includes(people.bruno!.id));
  });

  it("last-synced filters use the console's time zone for today and yesterday", async () => {
    const today = startOfDay(NOW, ZONE).getTime();
    const synced = (box: Box) => box.lastSyncAt?.getTime() ?? Number.NaN;
    await expectIds("sync=today", (box) => synced(box) >= today);
    await expectIds("sync=yesterday", (box) => synced(box) < today && synced(box) >= today - DAY_MS);
    await expectIds("sync=7d", (box) => synced(box) >= NOW.getTime() - 7 * DAY_MS);
    await expectIds("sync=30d", (box) => synced(box) >= NOW.getTime() - 30 * DAY_MS);
    await expectIds("sync=never", (box) => box.lastSyncAt === null);
    const olderThan = (days: number) => (box: Box) => {
      const threshold = NOW.getTime() - days * DAY_MS;
      return box.lastSyncAt ? synced(box) < threshold : box.createdAt.getTime() < threshold;
    };
    await expectIds("sync=older", olderThan(7));
    await expectIds("sync=older&syncDays=30", olderThan(30));
    await expectIds(
      "sync=range&syncFrom=2026-11-01&syncTo=2026-11-22",
      (box) => synced(box) >= Date.UTC(2026, 10, 1) && synced(box) < Date.UTC(2026, 10, 23),
    );
  });

  it("CRM, status and disk filters", async () => {
    await expectIds("crm=yes", (box) => box.crmEnabled);
    await expectIds("crm=no", (box) => !box.crmEnabled);
    await expectIds("status=ERROR,NEEDS_PASSWORD", (box) => box.status === "ERROR" || box.status === "NEEDS_PASSWORD");
    await expectIds("diskMin=20", (box) => mb(box) >= 20);
    await expectIds("diskMin=10&diskMax=30.5", (box) => mb(box) >= 10 && mb(box) <= 30.5);
  });

  it("filters combine with AND", async () => {
    await expectIds(
      `crm=yes&status=OK&owners=${people.anna!.id},${people.head!.id},${people.bruno!.id}`,
      (box) =>
        box.crmEnabled &&
        box.status === "OK" &&
        [people.anna!.id, people.head!.id, people.bruno!.id].includes(box.ownerId),
    );
  });

  // Text order is the database's collation (it differs between servers), so text columns are
  // checked against the database's own ordering of that column; numbers and dates in JavaScript.
  const textOrder = async (key: "owner" | "email", dir: "asc" | "desc") =>
    ids(
      await db.mailbox.findMany({
        orderBy:
          key === "email"
            ? [{ email: dir }, { id: dir }]
            : [{ owner: { lastName: dir } }, { owner: { firstName: dir } }, { id: dir }],
        select: { id: true },
      }),
    );

  it.each(SORT_KEYS.flatMap((key) => [`${key}:asc`, `${key}:desc`]))("sorts by %s, ties broken by id", async (spec) => {
    const [key, dir] = spec.split(":") as [GridParams["sort"], "asc" | "desc"];
    const { rows } = await run(`sort=${key}&dir=${dir}`);
    if (key === "owner" || key === "email") return void expect(ids(rows)).toEqual(await textOrder(key, dir));
    const value: Record<"lastSync" | "disk" | "unread", (box: Box) => number> = {
      // Never synced: first when looking for the oldest, last when looking for the newest.
      lastSync: (box) => box.lastSyncAt?.getTime() ?? Number.MIN_SAFE_INTEGER,
      disk: (box) => Number(box.diskBytes),
      unread: (box) => box.unreadCount,
    };
    const sign = dir === "asc" ? 1 : -1;
    const expected = [...boxes].sort((a, b) => sign * (value[key](a) - value[key](b) || a.id - b.id));
    expect(ids(rows)).toEqual(expected.map((box) => box.id));
  });

  it("bad URL parameters fall back to defaults instead of failing", async () => {
    const { rows, total } = await run(
      "sort=password&dir=sideways&page=-4&perPage=5000&status=HACKED&owners=abc&diskMin=-1&sync=tomorrow&crm=maybe",
    );
    expect(total).toBe(36);
    expect(rows).toHaveLength(36);
    expect(ids(rows)).toEqual(await textOrder("email", "asc"));
    const parsed = normalizeGridParams(loadGridParams(new URLSearchParams("perPage=5000&page=0")), 20);
    expect(parsed.perPage).toBe(20);
    expect(parsed.page).toBe(1);
  });

  it("carries metadata only: no subject line or sender of any message, in rows or in the CSV", async () => {
    const access = await loadAccess(db, people.admin!.id);
    const page = await gridPage(db, access, query(""), { now: NOW, timeZone: ZONE });
    const json = JSON.stringify(page, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    const headers = {
      owner: "Owner",
      email: "Email",
      unread: "Unread",
      lastSync: "Last",
      crm: "CRM",
      disk: "Disk",
      manage: "",
      name: "Name",
      access: "Access",
      queue: "Queue",
      sender: "Sender",
    };
    let csv = "";
    for await (const chunk of gridCsv(
      db,
      access,
      query(""),
      ["owner", "email", "lastSync", "crm", "disk", "name", "access", "queue", "sender"],
      headers,
    ))
      csv += chunk;
    for (const text of [json, csv]) {
      expect(text).not.toContain(SECRET_SUBJECT);
      expect(text).not.toContain(SECRET_SENDER);
      expect(text).not.toContain("W. Blower");
      expect(text).not.toContain("imapPassword");
      expect(text).not.toContain("v1.none");
    }
  });

  it("the CSV holds exactly the filtered rows in grid order, with the visible columns and formula-safe cells", async () => {
    const access = await loadAccess(db, people.admin!.id);
    const filter = query("crm=yes&sort=disk&dir=desc");
    let csv = "";
    for await (const chunk of gridCsv(db, access, filter, ["email", "disk", "access"], {
      owner: "Owner",
      email: "Email",
      unread: "Unread",
      lastSync: "",
      crm: "",
      disk: "Disk (MB)",
      manage: "",
      name: "",
      access: "Users with access",
      queue: "",
      sender: "",
    }))
      csv += chunk;
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Email,Unread,Disk (MB),Users with access");
    const { rows } = await queryGrid(db, access, filter, { now: NOW, timeZone: ZONE });
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(rows.map((row) => row.email));
    const shared = boxes.find((box) => box.crmEnabled && box.shares.length === 2)!;
    expect(lines.find((line) => line.startsWith(shared.email))).toContain("Anna Albers; Finn Fischer");
    expect(lines.find((line) => line.startsWith(boxes[0]!.email))).toContain("Finance");
  });

  it("Sync now and CRM on/off refuse the whole request when one mailbox is out of the actor's edit scope", async () => {
    const head = await loadAccess(db, people.head!.id);
    const annas = boxes.filter((box) => box.ownerId === people.anna!.id).map((box) => box.id);
    const finns = boxes.filter((box) => box.ownerId === people.finn!.id).map((box) => box.id);
    // The head of Sales may see Anna's mailboxes but not edit them (supervisor: 202 = none).
    await expect(syncNow(db, head, [annas[0]!])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setCrmEnabled(db, head, [annas[0]!], false)).rejects.toBeInstanceOf(ForbiddenError);
    // Anna may edit her own, but not Finn's: a mixed list is refused as a whole and nothing changes.
    const anna = await loadAccess(db, people.anna!.id);
    const before = await db.mailbox.findMany({
      where: { id: { in: [...annas, ...finns] } },
      select: { id: true, crmEnabled: true, syncState: true },
      orderBy: { id: "asc" },
    });
    await expect(syncNow(db, anna, [annas[0]!, finns[0]!])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setCrmEnabled(db, anna, [...annas, finns[0]!], true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(syncNow(db, anna, [999_999])).rejects.toBeInstanceOf(ForbiddenError);
    const after = await db.mailbox.findMany({
      where: { id: { in: [...annas, ...finns] } },
      select: { id: true, crmEnabled: true, syncState: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(before);
    // Within scope it works, and only the changed rows are audited.
    const admin = await loadAccess(db, people.admin!.id);
    const result = await setCrmEnabled(db, admin, annas, true);
    expect(result.changed).toBe(boxes.filter((box) => annas.includes(box.id) && !box.crmEnabled).length);
    expect(await db.mailbox.count({ where: { id: { in: annas }, crmEnabled: false } })).toBe(0);
    const queued = await syncNow(db, admin, [annas[0]!, annas[0]!]);
    expect(queued.queued.length + queued.needPassword.length).toBe(1);
  });
});
