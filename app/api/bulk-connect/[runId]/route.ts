import { NextResponse } from "next/server";
import { getAccess } from "@/lib/access/request";
import { db } from "@/lib/db";
import { bulkRun } from "@/lib/mailboxes/bulk-history";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** GET /api/bulk-connect/<run> — progress of a run, for the person who started it (or an admin). */
export async function GET(_request: Request, { params }: RouteContext<"/api/bulk-connect/[runId]">) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  // Not digits or past int4: no such run, rather than a database error.
  const runId = parseId((await params).runId);
  const run = runId === null ? null : await bulkRun(db, current.access, runId);
  if (!run) return NextResponse.json({ error: "NOT_FOUND" }, { status: 404 });
  return NextResponse.json(
    { status: run.status, total: run.total, connected: run.connected, failed: run.failed, rows: run.rows },
    { headers: { "Cache-Control": "no-store" } },
  );
}
