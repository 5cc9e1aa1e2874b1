// Property test over random organisations: for every user, the scope's database filter returns
// exactly the rows its single-record check accepts — and both match a naive reading of SPEC §4.1
// written independently here (the oracle), so "agreeing" cannot mean "agreeing on a mistake".
// External users get roles through every kind of subject (themselves, user groups, an external
// workgroup) and may even carry an admin flag; SPEC §7 caps them all the same.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "../db.ts";
import { resetDatabase } from "../demo/seed.ts";
import { loadAccess } from "./access.ts";
import { LEVEL, TELEPHONY, WEBMAIL } from "./catalog.ts";
import { scopeIncludes } from "./scopes.ts";

const SUBJECT_KINDS = [
  "USER",
  "DEPARTMENT",
  "DEPARTMENT_TREE",
  "ALL_HEADS",
  "ALL_EMPLOYEES",
  "USER_GROUP",
  "WORK_GROUP",
  "ADMINS",
] as const;
const LEVELS = [LEVEL.NONE, LEVEL.LOW, LEVEL.MID, LEVEL.MAX];

const organisation = fc.record({
  users: fc.array(fc.record({ external: fc.integer({ min: 0, max: 6 }).map((n) => n === 0), admin: fc.boolean() }), {
    minLength: 2,
    maxLength: 14,
  }),
  // parent index (< own index) for each department after the root; heads and members by user index
  departments: fc.array(fc.record({ parent: fc.nat(), head: fc.option(fc.nat(), { nil: null }) }), {
    minLength: 1,
    maxLength: 8,
  }),
  memberships: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
  groupMembers: fc.array(fc.nat(), { maxLength: 6 }),
  workGroupMembers: fc.array(fc.nat(), { maxLength: 6 }),
  roles: fc.array(
    fc.record({
      view: fc.constantFrom(...LEVELS),
      edit: fc.constantFrom(...LEVELS),
      editRights: fc.constantFrom(LEVEL.NONE, LEVEL.MAX),
      callStatistics: fc.constantFrom(...LEVELS),
      assignments: fc.array(fc.tuple(fc.constantFrom(...SUBJECT_KINDS), fc.nat()), { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  mailboxOwners: fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
  shares: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SUBJECT_KINDS), fc.nat()), { maxLength: 10 }),
});

type Org = typeof organisation extends fc.Arbitrary<infer T> ? T : never;

async function build(org: Org) {
  await resetDatabase(db);
  const users: { id: number }[] = [];
  for (const [index, user] of org.users.entries()) {
    users.push(
      await db.user.create({
        data: {
          email: `u${index}@p.test`,
          firstName: "U",
          lastName: `${index}`,
          kind: user.external ? "EXTERNAL" : "EMPLOYEE",
          // Externals may carry the flag too: it must not make them administrators.
          isPortalAdmin: user.admin && index > 0,
        },
      }),
    );
  }
  const pick = <T>(list: T[], n: number) => list[n % list.length]!;
  const departments = [await db.department.create({ data: { name: "root", path: "/1/", depth: 0 } })];
  await db.department.update({ where: { id: departments[0]!.id }, data: { path: `/${departments[0]!.id}/` } });
  departments[0]!.path = `/${departments[0]!.id}/`;
  for (const spec of org.departments) {
    const parent = pick(departments, spec.parent);
    const created = await db.department.create({
      data: {
        name: "d",
        parentId: parent.id,
        depth: parent.depth + 1,
        path: `tmp${departments.length}`,
        headId: spec.head === null ? null : pick(users, spec.head).id,
      },
    });
    departments.push(
      await db.department.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } }),
    );
  }
  await db.departmentMember.createMany({
    data: org.memberships.map(([d, u]) => ({ departmentId: pick(departments, d).id, userId: pick(users, u).id })),
    skipDuplicates: true,
  });
  const group = await db.userGroup.create({
    data: {
      name: "g",
      members: { create: [...new Set(org.groupMembers.map((u) => pick(users, u).id))].map((userId) => ({ userId })) },
    },
  });
  const workGroup = await db.workGroup.create({
    data: {
      name: "partners",
      isExternal: true,
      members: {
        create: [...new Set(org.workGroupMembers.map((u) => pick(users, u).id))].map((userId) => ({ userId })),
      },
    },
  });
  const refOf = (kind: (typeof SUBJECT_KINDS)[number], n: number) =>
    kind === "USER"
      ? pick(users, n).id
      : kind === "DEPARTMENT" || kind === "DEPARTMENT_TREE"
        ? pick(departments, n).id
        : kind === "USER_GROUP"
          ? group.id
          : kind === "WORK_GROUP"
            ? workGroup.id
            : 0;
  for (const role of org.roles) {
    const assignments = [
      ...new Map(
        role.assignments.map(([kind, n]) => [
          `${kind}:${refOf(kind, n)}`,
          { subjectKind: kind, subjectRefId: refOf(kind, n) },
        ]),
      ).values(),
    ];
    await db.role.create({
      data: {
        module: "WEBMAIL",
        name: "r",
        permissions: {
          create: [
            { key: WEBMAIL.viewMailboxes.key, level: role.view },
            { key: WEBMAIL.editMailboxes.key, level: role.edit },
            { key: WEBMAIL.editRights.key, level: role.editRights },
          ],
        },
        assignments: { createMany: { data: assignments } },
      },
    });
    await db.role.create({
      data: {
        module: "TELEPHONY",
        name: "t",
        permissions: { create: [{ key: TELEPHONY.callStatistics.key, level: role.callStatistics }] },
        assignments: { createMany: { data: assignments } },
      },
    });
  }
  const mailboxes: { id: number; ownerId: number }[] = [];
  for (const [index, owner] of org.mailboxOwners.entries()) {
    mailboxes.push(
      await db.mailbox.create({
        data: {
          ownerId: pick(users, owner).id,
          email: `m${index}@p.test`,
          name: "m",
          imapHost: "h",
          imapPort: 993,
          imapSecurity: "SSL",
          imapLogin: "l",
          imapPasswordEnc: "x",
        },
      }),
    );
  }
  const shares = [
    ...new Map(
      org.shares.map(([m, kind, n]) => [
        `${m}:${kind}:${refOf(kind, n)}`,
        { mailboxId: pick(mailboxes, m).id, subjectKind: kind, subjectRefId: refOf(kind, n) },
      ]),
    ).values(),
  ];
  await db.mailboxAccess.createMany({ data: shares, skipDuplicates: true });
  return { users, departments, mailboxes };
}

/** SPEC §1/§4.1 read literally, from raw rows, without the access module's code. */
async function oracle(viewerId: number) {
  const users = await db.user.findMany();
  const departments = await db.department.findMany();
  const members = await db.departmentMember.findMany();
  const groupMembers = await db.userGroupMember.findMany();
  const workGroupMembers = await db.workGroupMember.findMany();
  const roles = await db.role.findMany({ include: { permissions: true, assignments: true } });
  const viewer = users.find((user) => user.id === viewerId)!;
  const external = viewer.kind === "EXTERNAL";
  const isAdmin = viewer.isPortalAdmin && !external;
  const belongs = (userId: number, departmentId: number) =>
    members.some((m) => m.userId === userId && m.departmentId === departmentId) ||
    departments.some((d) => d.id === departmentId && d.headId === userId);
  const below = (ancestorId: number) => departments.filter((d) => d.path.includes(`/${ancestorId}/`)).map((d) => d.id);
  const matches = (kind: string, refId: number) => {
    if (kind === "USER") return refId === viewerId;
    if (kind === "DEPARTMENT") return belongs(viewerId, refId);
    if (kind === "DEPARTMENT_TREE") return below(refId).some((id) => belongs(viewerId, id));
    if (kind === "ALL_HEADS") return departments.some((d) => d.headId === viewerId);
    if (kind === "ALL_EMPLOYEES") return viewer.kind === "EMPLOYEE";
    if (kind === "USER_GROUP") return groupMembers.some((g) => g.userId === viewerId && g.userGroupId === refId);
    if (kind === "WORK_GROUP") return workGroupMembers.some((w) => w.userId === viewerId && w.workGroupId === refId);
    if (kind === "ADMINS") return isAdmin;
    return false;
  };
  // SPEC §7: for externals, mailbox scopes stop at their own, call scopes at "own", 101 never.
  const externalCeiling: Record<string, number> = {
    [WEBMAIL.viewMailboxes.key]: LEVEL.NONE,
    [WEBMAIL.editMailboxes.key]: LEVEL.NONE,
    [WEBMAIL.editRights.key]: LEVEL.NONE,
    [TELEPHONY.callStatistics.key]: LEVEL.LOW,
  };
  const level = (key: string) => {
    const granted = isAdmin
      ? LEVEL.MAX
      : Math.max(
          0,
          ...roles
            .filter((r) => r.assignments.some((a) => matches(a.subjectKind, a.subjectRefId)))
            .map((r) => r.permissions.find((p) => p.key === key)?.level ?? 0),
        );
    return external ? Math.min(granted, externalCeiling[key] ?? granted) : granted;
  };
  const own = departments.filter((d) => belongs(viewerId, d.id)).map((d) => d.id);
  const ownTree = [...new Set(own.flatMap(below))];
  const sees = (key: string) => (ownerId: number) => {
    const granted = level(key);
    if (ownerId === viewerId || granted === LEVEL.MAX) return true;
    if (granted === LEVEL.LOW) return own.some((d) => belongs(ownerId, d));
    if (granted === LEVEL.MID) return ownTree.some((d) => belongs(ownerId, d));
    return false;
  };
  const shares = await db.mailboxAccess.findMany();
  const reads = (mailbox: { id: number; ownerId: number }) =>
    mailbox.ownerId === viewerId ||
    shares.some((s) => s.mailboxId === mailbox.id && matches(s.subjectKind, s.subjectRefId));
  const callsOf = (ownerId: number) => {
    const granted = level(TELEPHONY.callStatistics.key);
    if (granted === LEVEL.MAX) return true;
    if (granted === LEVEL.LOW) return ownerId === viewerId;
    if (granted === LEVEL.MID) return ownerId === viewerId || ownTree.some((d) => belongs(ownerId, d));
    return false;
  };
  return {
    view: sees(WEBMAIL.viewMailboxes.key),
    edit: sees(WEBMAIL.editMailboxes.key),
    reads,
    callsOf,
    editsRights: level(WEBMAIL.editRights.key) > LEVEL.NONE,
  };
}

describe("scope filters agree with single-record checks (property)", () => {
  it("for random organisations, roles, mailboxes and shares", async () => {
    await fc.assert(
      fc.asyncProperty(organisation, async (org) => {
        const { users, mailboxes } = await build(org);
        const everything = await db.mailbox.findMany({
          select: { id: true, ownerId: true, access: { select: { subjectKind: true, subjectRefId: true } } },
        });
        for (const viewer of users) {
          const access = await loadAccess(db, viewer.id);
          const expected = await oracle(viewer.id);
          for (const action of ["view", "edit"] as const) {
            const scope = await access.mailboxes(action);
            const filtered = (await db.mailbox.findMany({ where: scope.where, select: { id: true } }))
              .map((row) => row.id)
              .sort();
            const checked = everything
              .filter((mailbox) => scope.allows(mailbox))
              .map((mailbox) => mailbox.id)
              .sort();
            const spec = mailboxes
              .filter((mailbox) => expected[action](mailbox.ownerId))
              .map((mailbox) => mailbox.id)
              .sort();
            expect(filtered).toEqual(checked);
            expect(filtered).toEqual(spec);
          }
          expect(access.allowed(WEBMAIL.editRights.key)).toBe(expected.editsRights);
          const calls = await access.calls("statistics");
          expect(users.filter((user) => scopeIncludes(calls, user.id)).map((user) => user.id)).toEqual(
            users.filter((user) => expected.callsOf(user.id)).map((user) => user.id),
          );
          const readable = access.readableMailboxes();
          const filtered = (await db.mailbox.findMany({ where: readable.where, select: { id: true } }))
            .map((row) => row.id)
            .sort();
          expect(filtered).toEqual(
            everything
              .filter((mailbox) => readable.allows(mailbox))
              .map((mailbox) => mailbox.id)
              .sort(),
          );
          expect(filtered).toEqual(
            mailboxes
              .filter(expected.reads)
              .map((mailbox) => mailbox.id)
              .sort(),
          );
        }
      }),
      { numRuns: 40, seed: 20261125 },
    );
  }, 240_000);
});
