// Small builders for test data in the real database (one fresh database per test file).
import type { Db } from "../lib/db.ts";
import type { Prisma } from "../lib/generated/prisma/client.ts";
import { encryptSecret, secretContext } from "../lib/mail/secrets.ts";
import { reserveMailboxIds } from "../lib/mailboxes/ids.ts";

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export async function createUser(db: Db, data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const n = next();
  return db.user.create({
    data: { email: `user${n}@test.local`, firstName: `First${n}`, lastName: `Last${n}`, ...data },
  });
}

export async function createDepartment(
  db: Db,
  data: { name?: string; parentId?: number | null; headId?: number | null } = {},
) {
  const parent = data.parentId ? await db.department.findUniqueOrThrow({ where: { id: data.parentId } }) : null;
  const created = await db.department.create({
    data: {
      name: data.name ?? `Department ${next()}`,
      parentId: parent?.id ?? null,
      headId: data.headId ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: `pending-${next()}`,
    },
  });
  return db.department.update({ where: { id: created.id }, data: { path: `${parent?.path ?? "/"}${created.id}/` } });
}

export async function addMembers(db: Db, departmentId: number, userIds: number[]) {
  await db.departmentMember.createMany({
    data: userIds.map((userId) => ({ departmentId, userId })),
    skipDuplicates: true,
  });
}

export async function createMailbox(db: Db, ownerId: number, data: Partial<Prisma.MailboxUncheckedCreateInput> = {}) {
  const n = next();
  return db.mailbox.create({
    data: {
      ownerId,
      email: `box${n}@mail.test`,
      name: `box${n}@mail.test`,
      imapHost: "imap.mail.test",
      imapPort: 993,
      imapSecurity: "SSL",
      imapLogin: `box${n}@mail.test`,
      imapPasswordEnc: "v1.none.x.x.x",
      ...data,
    },
  });
}

export async function createRole(
  db: Db,
  module: "WEBMAIL" | "TELEPHONY",
  levels: Record<string, number>,
  assignments: { kind: Prisma.RoleAssignmentCreateManyInput["subjectKind"]; refId?: number }[] = [],
  name = `Role ${next()}`,
) {
  return db.role.create({
    data: {
      module,
      name,
      permissions: { create: Object.entries(levels).map(([key, level]) => ({ key, level })) },
      assignments: {
        create: assignments.map((subject) => ({ subjectKind: subject.kind, subjectRefId: subject.refId ?? 0 })),
      },
    },
  });
}

/** A mailbox pointing at a test IMAP server (plain text on loopback), with its password encrypted. */
export async function createImapMailbox(
  db: Db,
  ownerId: number,
  server: { port: number; user: string; password: string; host?: string },
  data: Partial<Prisma.MailboxUncheckedCreateInput> = {},
) {
  const [id] = await reserveMailboxIds(db, 1);
  return db.mailbox.create({
    data: {
      id: id!,
      ownerId,
      email: server.user,
      name: server.user,
      imapHost: server.host ?? "127.0.0.1",
      imapPort: server.port,
      imapSecurity: "NONE",
      imapLogin: server.user,
      imapPasswordEnc: encryptSecret(server.password, secretContext(id!, "imapPassword")),
      smtpEnabled: false,
      syncPeriodDays: null,
      ...data,
    },
  });
}

/** What the database holds for a mailbox, in the shape of Dovecot.snapshot(). */
export async function storedSnapshot(db: Db, mailboxId: number): Promise<Record<string, Record<number, string>>> {
  const folders = await db.mailFolder.findMany({
    where: { mailboxId },
    include: { messagesStored: { select: { uid: true, flags: true } } },
  });
  return Object.fromEntries(
    folders.map((folder) => [
      folder.path,
      Object.fromEntries(folder.messagesStored.map((message) => [Number(message.uid), message.flags])),
    ]),
  );
}
