// The call log sorted by employee, as a walk through the people in name order. Joining every call
// in the range to its employee and sorting them all cost a head of ~2,000 people 80–120 ms
// (bench:calls); walking the people (index on name) and reading each one's calls through
// ("employeeId", "startedAt") touches only the calls of the people on the page and before it.
import "server-only";
import type { UserScope } from "../../access/scopes.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { CallQuery } from "./params.ts";

const COLUMNS = Prisma.raw(`c.id, c."employeeId", c.direction::text AS direction, c.status::text AS status,
  c."phoneNumber", c."lineNumber", c."startedAt", c."durationSeconds", c."crmEntityType", c."crmEntityId",
  (c."recordingPath" IS NOT NULL) AS "hasRecording"`);

/**
 * The same order as sorting the joined rows by last name, first name, employee id (calls without
 * an employee last in either direction) and call id: people's calls in one branch, calls without
 * an employee (only "all" sees them) in another, each cut at the page's end before merging.
 */
export function employeeOrderedRowsSql(
  where: Prisma.Sql,
  query: Pick<CallQuery, "dir" | "employees">,
  scope: UserScope,
  page: number,
  perPage: number,
): Prisma.Sql {
  const dir = Prisma.raw(query.dir === "asc" ? "ASC" : "DESC");
  const upTo = page * perPage;
  const people: Prisma.Sql[] = [];
  if (scope.kind === "users") people.push(Prisma.sql`u.id = ANY(${[...scope.userIds]}::int[])`);
  if (query.employees.length) people.push(Prisma.sql`u.id = ANY(${query.employees}::int[])`);
  const whichPeople = people.length ? Prisma.sql`WHERE ${Prisma.join(people, " AND ")}` : Prisma.empty;
  // Names are NOT NULL, so this branch needs no NULLS clause and either direction reads the index.
  // OFFSET 0 keeps the lateral subquery a lookup per person: flattened, PostgreSQL reads every
  // call of the range once and filters the join (147 ms for a head instead of a few).
  const ofPeople = Prisma.sql`
    (SELECT ${COLUMNS}, u."firstName" AS "employeeFirstName", u."lastName" AS "employeeLastName"
     FROM "User" u CROSS JOIN LATERAL (SELECT * FROM "Call" c ${where} AND c."employeeId" = u.id OFFSET 0) c
     ${whichPeople}
     ORDER BY u."lastName" ${dir}, u."firstName" ${dir}, u.id ${dir}, c.id ${dir}
     LIMIT ${upTo})`;
  const ofNobody =
    scope.kind === "all" && query.employees.length === 0
      ? Prisma.sql`UNION ALL
    (SELECT ${COLUMNS}, NULL::text AS "employeeFirstName", NULL::text AS "employeeLastName"
     FROM "Call" c ${where} AND c."employeeId" IS NULL ORDER BY c.id ${dir} LIMIT ${upTo})`
      : Prisma.empty;
  return Prisma.sql`
    SELECT * FROM (${ofPeople} ${ofNobody}) x
    ORDER BY x."employeeLastName" ${dir} NULLS LAST, x."employeeFirstName" ${dir} NULLS LAST,
             x."employeeId" ${dir} NULLS LAST, x.id ${dir}
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
}
