// What went wrong talking to a mail server, as a code the console can explain in every language.
// The message (the server's own text, never a password) is for the server's logs and the mailbox
// row only: the browser gets the code, as banners and errno text tell a prober what runs where.

export type MailErrorCode =
  | "AUTH_FAILED"
  | "HOST_NOT_FOUND"
  | "CONNECTION_REFUSED"
  | "TIMEOUT"
  | "TLS"
  | "CONNECTION_LOST"
  /** A FETCH that reported success but lacked messages the server holds: nothing was committed. */
  | "INCOMPLETE_RESPONSE"
  | "SERVER_ERROR"
  /** The host is (or resolves to) an internal address that MAIL_ALLOWED_NETWORKS does not allow. */
  | "ADDRESS_NOT_ALLOWED";

export class MailError extends Error {
  constructor(
    readonly code: MailErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MailError";
  }

  /** Worth trying again later: everything but a rejected password. */
  get retryable(): boolean {
    return this.code !== "AUTH_FAILED";
  }
}

const TLS_CODES =
  /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_OSSL|EPROTO$|HOSTNAME_MISMATCH)/;

/** Maps whatever imapflow, nodemailer or Node threw to a MailError. */
export function classifyMailError(error: unknown): MailError {
  if (error instanceof MailError) return error;
  const value = (error ?? {}) as {
    code?: string;
    message?: string;
    authenticationFailed?: boolean;
    responseCode?: number;
    responseText?: string;
    command?: string;
  };
  const code = String(value.code ?? "");
  const text = String(value.responseText ?? value.message ?? error).slice(0, 500);
  const message = /\bAUTH|login|password|credentials/i;
  if (value.authenticationFailed || code === "EAUTH" || value.responseCode === 535 || value.responseCode === 534) {
    return new MailError("AUTH_FAILED", text);
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EDNS") return new MailError("HOST_NOT_FOUND", text);
  if (code === "ECONNREFUSED") return new MailError("CONNECTION_REFUSED", text);
  if (/TIMEDOUT|TIMEOUT/i.test(code) || /timed? ?out/i.test(text)) return new MailError("TIMEOUT", text);
  if (TLS_CODES.test(code) || code === "ETLS" || /\b(TLS|SSL|certificate)\b/i.test(text))
    return new MailError("TLS", text);
  if (
    code === "ECONNRESET" ||
    code === "EPIPE" ||
    code === "NoConnection" ||
    code === "EConnectionClosed" ||
    /closed|socket hang up/i.test(text)
  ) {
    return new MailError("CONNECTION_LOST", text);
  }
  if (value.command === "LOGIN" && message.test(text)) return new MailError("AUTH_FAILED", text);
  return new MailError("SERVER_ERROR", text);
}
