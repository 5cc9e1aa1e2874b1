import { NextResponse } from "next/server";
import { getAccess } from "@/lib/access/request";
import { db } from "@/lib/db";
import { mailboxStatuses } from "@/lib/mailboxes/status";

export const dynamic = "force-dynamic";

/** GET /api/mailboxes/status?ids=1,2,3 — the sync status the UI polls while syncs run. */
export async function GET(request: Request) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const ids = (new URL(request.url).searchParams.get("ids") ?? "")
    .split(",")
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0)
    .slice(0, 200);
  const statuses = ids.length ? await mailboxStatuses(db, current.access, ids) : [];
  return NextResponse.json({ statuses }, { headers: { "Cache-Control": "no-store" } });
}
