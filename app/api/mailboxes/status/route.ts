import { NextResponse } from "next/server";
import { getAccess } from "@/lib/access/request";
import { db } from "@/lib/db";
import { mailboxStatuses } from "@/lib/mailboxes/status";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** GET /api/mailboxes/status?ids=1,2,3 — the sync status the UI polls while syncs run. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  // Ids that cannot exist (past int4, not digits) are dropped, as unknown ones are.
  const ids = (new URL(request.url).searchParams.get("ids") ?? "")
    .split(",")
    .map(parseId)
    .filter((id) => id !== null)
    .slice(0, 200);
  const statuses = ids.length ? await mailboxStatuses(db, current.access, ids) : [];
  return NextResponse.json({ statuses }, { headers: { "Cache-Control": "no-store" } });
}
