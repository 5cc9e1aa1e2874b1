// What every CSV export route does the same way: which columns and language the request asks
// for, and a streamed download that starts only once its first rows exist.
import "server-only";
import { NextResponse } from "next/server";
import { isDatabaseUnavailable } from "../db.ts";
import { routing } from "../i18n/routing.ts";
import { startTextStream } from "./text-stream.ts";

/** `cols=a,b` as known columns (each once, in the order asked), or the viewer's saved columns. */
export function requestedColumns<C extends string>(url: URL, known: readonly C[], saved: C[]): C[] {
  const requested = (url.searchParams.get("cols") ?? "")
    .split(",")
    .filter((column): column is C => known.includes(column as C));
  return requested.length ? [...new Set(requested)] : saved;
}

/** The file's language (`locale=`), the default one when absent or unknown. */
export function exportLocale(url: URL) {
  return routing.locales.find((candidate) => candidate === url.searchParams.get("locale")) ?? routing.defaultLocale;
}

/**
 * The CSV as a streamed attachment `<name>-<date>.csv`. If the first rows cannot be read nothing
 * has been sent yet, so the client gets an error status and why instead of an empty file.
 */
export async function csvDownload(lines: AsyncIterator<string>, name: string): Promise<Response> {
  let body: ReadableStream<Uint8Array>;
  try {
    body = await startTextStream(lines);
  } catch (error) {
    console.error(
      `[export] the ${name} export could not start:`,
      error instanceof Error ? error.message : typeof error,
    );
    const unavailable = isDatabaseUnavailable(error);
    const message = unavailable
      ? "The database is not reachable right now; no file was created. Try again shortly."
      : "The export could not be created; no file was sent. The server log has the details.";
    return NextResponse.json({ error: "UNEXPECTED", message }, { status: unavailable ? 503 : 500 });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
