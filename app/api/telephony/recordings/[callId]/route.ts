import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getAccess } from "@/lib/access/request";
import { db } from "@/lib/db";
import { listenableRecording, parseRange } from "@/lib/telephony/recordings";
import { recordingStorage } from "@/lib/telephony/storage";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

// One answer for "no such call", "no recording", "not yours to hear" and "not yours to download".
const notFound = () =>
  NextResponse.json({ error: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "no-store" } });

/** GET /api/telephony/recordings/<callId>[?download=1] — the recording, seekable (HTTP Range). */
export async function GET(request: Request, { params }: RouteContext<"/api/telephony/recordings/[callId]">) {
  const current = await getAccess();
  if (!current) return NextResponse.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const callId = parseId((await params).callId);
  if (callId === null) return notFound();
  const download = new URL(request.url).searchParams.get("download") === "1";
  // Downloading a copy is for portal administrators only; everyone else gets the same 404.
  if (download && !current.access.isPortalAdmin) return notFound();
  const recording = await listenableRecording(db, current.access, callId);
  if (!recording) return notFound();
  const storage = recordingStorage();
  const size = await storage.size(recording.path);
  if (size === null) return notFound();
  const headers: Record<string, string> = {
    "Accept-Ranges": "bytes",
    "Content-Type": recording.type,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (download) {
    const extension = recording.type.split("/")[1]?.replace(/^x-/, "").replace(/[^\w]/g, "") || "bin";
    headers["Content-Disposition"] =
      `attachment; filename="call-${recording.callId}-${recording.startedAt.toISOString().slice(0, 10)}.${extension}"`;
  }
  const answer = parseRange(request.headers.get("range"), size);
  if (answer.kind === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  const range = answer.kind === "partial" ? answer.range : undefined;
  const body = Readable.toWeb(storage.read(recording.path, range)) as ReadableStream<Uint8Array>;
  if (!range)
    return new Response(size === 0 ? null : body, {
      status: 200,
      headers: { ...headers, "Content-Length": String(size) },
    });
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      "Content-Range": `bytes ${range.start}-${range.end}/${size}`,
      "Content-Length": String(range.end - range.start + 1),
    },
  });
}
