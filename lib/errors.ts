// Typed domain errors. Actions turn them into results the UI translates by code; anything else
// is unexpected, logged on the server and shown as a generic message (never its text).
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "CONNECTION_FAILED"
  | "RATE_LIMITED"
  | "UNEXPECTED";

/** Field path → message key (under Validation in the message catalogs). */
export type FieldErrors = Record<string, string>;

/** Extra facts the UI needs to explain an error, e.g. which mail server refused and why. */
export type ErrorDetails = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(what = "this action") {
    super("FORBIDDEN", `not allowed: ${what}`);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("NOT_FOUND", `not found: ${what}`);
  }
}

export class ConflictError extends DomainError {
  constructor(what: string) {
    super("CONFLICT", what);
  }
}

export class ValidationError extends DomainError {
  constructor(fieldErrors: FieldErrors) {
    super("VALIDATION", `invalid input: ${Object.keys(fieldErrors).join(", ")}`, fieldErrors);
  }
}

/**
 * The mail server could not be reached or refused the credentials (SPEC §3.1's precise errors).
 * Which server and the kind of failure only: the server's own text (banner, TLS or errno message)
 * would let the browser map out what runs at an address (security #10, finding 6).
 */
export class ConnectionFailedError extends DomainError {
  constructor(server: "imap" | "smtp", mailCode: string) {
    super("CONNECTION_FAILED", `${server} connection failed: ${mailCode}`, undefined, { server, mailCode });
  }
}

/** Too many attempts in a short time; the UI says how long to wait. */
export class RateLimitedError extends DomainError {
  constructor(
    what: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", `rate limited: ${what}, retry in ${retryAfterSeconds} s`, undefined, {
      retryAfterSeconds: String(retryAfterSeconds),
    });
  }
}
