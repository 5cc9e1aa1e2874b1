// Typed domain errors. Actions turn them into results the UI translates by code; anything else
// is unexpected, logged on the server and shown as a generic message (never its text).
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "VALIDATION" | "UNEXPECTED";

/** Field path → message key (under Validation in the message catalogs). */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
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
