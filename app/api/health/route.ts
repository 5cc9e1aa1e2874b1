// GET /api/health — for load balancers and for the database-restart test: 200 when the console
// can reach its database, 503 (not a crash, not a hang) while it cannot. Says nothing else.
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const CHECK_TIMEOUT_MS = 3_000;

export async function GET() {
  const reachable = await Promise.race([
    db.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref()),
  ]);
  return Response.json(
    { status: reachable ? "ok" : "unavailable", database: reachable ? "up" : "down" },
    { status: reachable ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
