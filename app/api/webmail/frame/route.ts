import { db } from "@/lib/db";
import { frameDocument, framePolicy } from "@/lib/mail/reader/frame";
import { openMessage } from "@/lib/mail/reader/read";
import { senderAllowed } from "@/lib/mail/reader/remote-content";
import { mailRequest, NO_STORE } from "@/lib/mail/reader/request";

export const dynamic = "force-dynamic";

/**
 * GET /api/webmail/frame?mailbox=&folder=&uid=[&images=1] — a message's sanitised body, as the
 * document of the reading pane's sandboxed frame, with its own strict policy (lib/mail/reader/frame.ts).
 */
export function GET(request: Request) {
  return mailRequest(request, async (ref, params, { access }) => {
    const message = await openMessage(db, access, ref, { markSeen: false });
    const allowRemote =
      params.get("images") === "1" || (await senderAllowed(db, ref.mailboxId, message.from[0]?.address));
    const document = frameDocument(message, allowRemote);
    return new Response(document.html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": framePolicy(allowRemote),
        // Only the console's own reading pane may show it (next.config.ts leaves X-Frame-Options to this route).
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "no-referrer",
        ...NO_STORE,
      },
    });
  });
}
