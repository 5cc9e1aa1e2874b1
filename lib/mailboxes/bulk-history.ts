// Bulk-connect history (SPEC §3.2): runs and per-row outcomes, for whoever started them and for
// portal administrators.
import type { Access } from "../access/access.ts";
import type { Database, Db } from "../db.ts";
import { markInterruptedRuns } from "./bulk-connect.ts";

const runWhere = (access: Access) => (access.isPortalAdmin ? {} : { actorId: access.userId });

export async function bulkRuns(db: Database, access: Access, take = 50) {
  await markInterruptedRuns(db);
  return db.bulkConnectRun.findMany({
    where: runWhere(access),
    orderBy: { createdAt: "desc" },
    take,
    include: {
      actor: { select: { id: true, firstName: true, lastName: true } },
      rows: {
        orderBy: { position: "asc" },
        include: { user: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
}

export async function bulkRun(db: Db, access: Access, runId: number) {
  return db.bulkConnectRun.findFirst({
    where: { id: runId, ...runWhere(access) },
    include: {
      rows: {
        orderBy: { position: "asc" },
        select: { position: true, outcome: true, reason: true, mailboxId: true, email: true },
      },
    },
  });
}
