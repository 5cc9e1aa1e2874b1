import { db } from "@/lib/db";
import { openAttachment } from "@/lib/mail/reader/attachment";
import { mailRequest, NO_STORE, plain } from "@/lib/mail/reader/request";

export const dynamic = "force-dynamic";

/** RFC 6266 filename: an ASCII fallback and the UTF-8 name; quotes and controls cannot break out. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /api/webmail/attachment?mailbox=&folder=&uid=&part= — one attachment, streamed from the mail
 * server, always as a download of opaque bytes: never shown by the browser as a page or image.
 */
export function GET(request: Request) {
  return mailRequest(request, async (ref, params, { access }) => {
    const part = params.get("part") ?? "";
    if (!/^\d+(\.\d+){0,20}$/.test(part)) return plain(404, "Not found.");
    const attachment = await openAttachment(db, access, ref, part);
    return new Response(attachment.body, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": contentDisposition(attachment.filename),
        "Content-Security-Policy": "default-src 'none'; sandbox",
        ...NO_STORE,
      },
    });
  });
}
