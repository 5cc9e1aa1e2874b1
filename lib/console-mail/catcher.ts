// The local SMTP catcher (SPEC issue 14, DESIGN §8): on a fresh machine there is no mail server,
// so `npm start` listens on 127.0.0.1 and keeps every message the console sends in the Outbox
// table, where administrators read it. It accepts mail only from this machine and stores it
// as received; nothing is relayed anywhere.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "../db.ts";

/** The largest message kept: the console sends short invitation and notification mails. */
const MAX_MESSAGE_BYTES = 1_000_000;

export interface Catcher {
  port: number;
  stop(): Promise<void>;
}

export async function startOutboxCatcher(
  db: Db,
  { port, host = "127.0.0.1" }: { port: number; host?: string },
): Promise<Catcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: "mailbox console outbox",
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (stream.sizeExceeded) throw new Error("message too large");
          await db.outboxMessage.create({
            data: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : "",
              to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : null,
            },
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  server.on("error", () => {
    // A broken client connection is that client's problem; the catcher keeps listening.
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
