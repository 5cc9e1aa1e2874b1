// The single authority on "may X do Y" (DESIGN §3). Built once per request from the database;
// nothing in it comes from the client.
import "server-only";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { LEVEL, type PermissionKey, TELEPHONY, WEBMAIL } from "./catalog.ts";
import { type EffectivePermissions, effectivePermissions } from "./effective.ts";
import { ALL_USERS, departmentPeople, onlyUsers, scopeIncludes, type UserScope } from "./scopes.ts";
import { matchesSubject, resolveSubjects, type SubjectSet } from "./subjects.ts";

export type MailboxAction = "view" | "edit";
export type CallAction = "statistics" | "listen" | "modify";

/** Mailboxes a user may see in the grid or edit: a filter and a check from one owner scope. */
export interface MailboxScope {
  owners: UserScope;
  where: Prisma.MailboxWhereInput;
  allows(mailbox: { ownerId: number }): boolean;
}

export interface Access {
  userId: number;
  isPortalAdmin: boolean;
  isEmployee: boolean;
  subjects: SubjectSet;
  permissions: EffectivePermissions;
  level(key: PermissionKey): number;
  /** Yes/no permissions: granted at all. */
  allowed(key: PermissionKey): boolean;
  mailboxes(action: MailboxAction): Promise<MailboxScope>;
  /** Mailboxes whose mail the user may read: their own and those shared with them (never by rank). */
  readableMailboxes(): { where: Prisma.MailboxWhereInput; allows(mailbox: ReadableMailbox): boolean };
  /** Employees on whose calls the user may act (statistics, listening, deleting recordings). */
  calls(action: CallAction): Promise<UserScope>;
  /** Users whose phone settings the user may change. */
  phoneSettingsUsers(): Promise<UserScope>;
}

export interface ReadableMailbox {
  ownerId: number;
  access: { subjectKind: SubjectSet["refs"][number]["kind"]; subjectRefId: number }[];
}

const callPermission = {
  statistics: TELEPHONY.callStatistics.key,
  listen: TELEPHONY.recordingListen.key,
  modify: TELEPHONY.recordingModify.key,
} as const;

export async function loadAccess(db: Db, userId: number): Promise<Access> {
  const subjects = await resolveSubjects(db, userId);
  const permissions = await effectivePermissions(db, subjects);
  const peopleCache = new Map<boolean, Promise<Set<number>>>();
  const people = (withSubDepartments: boolean) => {
    if (!peopleCache.has(withSubDepartments)) {
      peopleCache.set(withSubDepartments, departmentPeople(db, subjects, withSubDepartments));
    }
    return peopleCache.get(withSubDepartments)!;
  };

  const level = (key: PermissionKey) =>
    permissions.WEBMAIL.get(key)?.level ?? permissions.TELEPHONY.get(key)?.level ?? LEVEL.NONE;

  // Webmail scopes (201/202): none · own department · with sub-departments · all; the owner always passes.
  async function mailboxOwners(action: MailboxAction): Promise<UserScope> {
    const granted = level(action === "view" ? WEBMAIL.viewMailboxes.key : WEBMAIL.editMailboxes.key);
    if (granted >= LEVEL.MAX) return ALL_USERS;
    if (granted <= LEVEL.NONE) return onlyUsers([userId]);
    const ids = await people(granted >= LEVEL.MID);
    return onlyUsers([userId, ...ids]);
  }

  // Telephony scopes: denied · own · own and department's (always with sub-departments) · any.
  async function telephonyUsers(key: PermissionKey): Promise<UserScope> {
    const granted = level(key);
    if (granted >= LEVEL.MAX) return ALL_USERS;
    if (granted <= LEVEL.NONE) return onlyUsers([]);
    if (granted <= LEVEL.LOW) return onlyUsers([userId]);
    return onlyUsers([userId, ...(await people(true))]);
  }

  return {
    userId,
    isPortalAdmin: subjects.isPortalAdmin,
    isEmployee: subjects.isEmployee,
    subjects,
    permissions,
    level,
    allowed: (key) => level(key) > LEVEL.NONE,
    async mailboxes(action) {
      const owners = await mailboxOwners(action);
      return {
        owners,
        where: owners.kind === "all" ? {} : { ownerId: { in: [...owners.userIds] } },
        allows: (mailbox) => scopeIncludes(owners, mailbox.ownerId),
      };
    },
    readableMailboxes() {
      return {
        where: {
          OR: [
            { ownerId: userId },
            {
              access: {
                some: { OR: subjects.refs.map((ref) => ({ subjectKind: ref.kind, subjectRefId: ref.refId })) },
              },
            },
          ],
        },
        allows: (mailbox) =>
          mailbox.ownerId === userId ||
          mailbox.access.some((share) =>
            matchesSubject(subjects, { kind: share.subjectKind, refId: share.subjectRefId }),
          ),
      };
    },
    calls: (action) => telephonyUsers(callPermission[action]),
    phoneSettingsUsers: () => telephonyUsers(TELEPHONY.userSettings.key),
  };
}
