// A hostile setup for the extranet tests: the demo external user gets every right through every
// kind of subject — their own user, a user group and their external workgroups — and even the
// portal-administrator flag. SPEC §7 says none of it may lift them out of the extranet.
import { expect } from "@playwright/test";
import { ACCOUNTS } from "./accounts.ts";
import { e2eQuery } from "./database.ts";

const MARK = "Extranet seal test";
export const GRANT_ROLE_NAME = MARK;

export async function grantEverythingToTheExternalUser(): Promise<number> {
  const [external] = await e2eQuery<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [
    ACCOUNTS.external.email,
  ]);
  const workGroups = await e2eQuery<{ id: number }>(
    `SELECT m."workGroupId" AS id FROM "WorkGroupMember" m JOIN "WorkGroup" w ON w.id = m."workGroupId"
      WHERE m."userId" = $1 AND w."isExternal"`,
    [external!.id],
  );
  expect(workGroups.length).toBeGreaterThan(0);
  const [group] = await e2eQuery<{ id: number }>(`INSERT INTO "UserGroup" (name) VALUES ($1) RETURNING id`, [MARK]);
  await e2eQuery(`INSERT INTO "UserGroupMember" ("userGroupId", "userId") VALUES ($1, $2)`, [group!.id, external!.id]);
  await e2eQuery(`UPDATE "User" SET "isPortalAdmin" = true WHERE id = $1`, [external!.id]);
  const subjects: [string, number][] = [
    ["USER", external!.id],
    ["USER_GROUP", group!.id],
    ...workGroups.map((row): [string, number] => ["WORK_GROUP", row.id]),
  ];
  const levels = {
    WEBMAIL: ["webmail.editRights", "webmail.viewMailboxes", "webmail.editMailboxes", "webmail.connectOwn"],
    TELEPHONY: [
      "telephony.callStatistics",
      "telephony.recordingListen",
      "telephony.settings",
      "telephony.userSettings",
    ],
  };
  for (const [module, keys] of Object.entries(levels)) {
    const [role] = await e2eQuery<{ id: number }>(
      `INSERT INTO "Role" (module, name, "sortOrder", "updatedAt") VALUES ($1::"AccessModule", $2, 99, now()) RETURNING id`,
      [module, MARK],
    );
    for (const key of keys)
      await e2eQuery(`INSERT INTO "RolePermission" ("roleId", key, level) VALUES ($1, $2, 30)`, [role!.id, key]);
    for (const [kind, refId] of subjects)
      await e2eQuery(
        `INSERT INTO "RoleAssignment" ("roleId", "subjectKind", "subjectRefId") VALUES ($1, $2::"AccessSubjectKind", $3)`,
        [role!.id, kind, refId],
      );
  }
  return external!.id;
}

export async function withdrawTheGrants(externalId: number) {
  await e2eQuery(`DELETE FROM "Role" WHERE name = $1`, [MARK]);
  await e2eQuery(`DELETE FROM "UserGroup" WHERE name = $1`, [MARK]);
  await e2eQuery(`UPDATE "User" SET "isPortalAdmin" = false WHERE id = $1`, [externalId]);
}
