// Employees to add to a bulk-connect batch from a department: only those the actor may connect
// mailboxes for, with an address suggested from their name (the usual first.last@domain).
import type { Access } from "../access/access.ts";
import { scopeIncludes } from "../access/scopes.ts";
import type { Db } from "../db.ts";
import { subtreePeople } from "../org/departments.ts";
import { emailLocalPart } from "../utils.ts";

export async function departmentCandidates(
  db: Db,
  actor: Access,
  departmentId: number,
  withSubDepartments: boolean,
  domain: string,
) {
  const people = withSubDepartments
    ? await subtreePeople(db, departmentId)
    : (await db.departmentMember.findMany({ where: { departmentId }, select: { userId: true } })).map(
        (row) => row.userId,
      );
  const scope = (await actor.mailboxes("edit")).owners;
  const users = await db.user.findMany({
    where: {
      id: { in: people.filter((id) => scopeIncludes(scope, id)) },
      kind: "EMPLOYEE",
      status: { not: "DEACTIVATED" },
    },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return users.map((user) => ({
    ...user,
    suggestedEmail: domain ? `${emailLocalPart(user.firstName)}.${emailLocalPart(user.lastName)}@${domain}` : "",
  }));
}
