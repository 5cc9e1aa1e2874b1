// One page of the call log as the client gets it: the rows (with what the viewer may do to each
// recording), the statistics and the names of the people the URL filters by.
import "server-only";
import type { Access } from "../../access/access.ts";
import { peopleInCallView } from "../../access/grid-people.ts";
import { scopeIncludes } from "../../access/scopes.ts";
import type { Database } from "../../db.ts";
import type { CallQuery } from "./params.ts";
import { type CallRow, queryCalls } from "./query.ts";

export interface CallRowView extends CallRow {
  canListen: boolean;
  canDelete: boolean;
}

export interface PersonName {
  id: number;
  firstName: string;
  lastName: string;
}

export async function callPage(
  db: Database,
  access: Access,
  query: CallQuery,
  options: { now?: Date; timeZone?: string } = {},
) {
  const [{ rows, total, statistics }, listen, modify, nameable] = await Promise.all([
    queryCalls(db, access, query, options),
    access.calls("listen"),
    access.calls("modify"),
    peopleInCallView(access, query.employees),
  ]);
  const people: PersonName[] = nameable.size
    ? await db.user.findMany({
        where: { id: { in: [...nameable] } },
        select: { id: true, firstName: true, lastName: true },
      })
    : [];
  const views: CallRowView[] = rows.map((row) => ({
    ...row,
    canListen: row.hasRecording && scopeIncludes(listen, row.employeeId),
    canDelete: row.hasRecording && scopeIncludes(modify, row.employeeId),
  }));
  return { rows: views, total, statistics, people };
}
