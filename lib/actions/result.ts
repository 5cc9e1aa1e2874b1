import type { ErrorCode, ErrorDetails, FieldErrors } from "../errors.ts";

export type ActionError = { code: ErrorCode; fieldErrors?: FieldErrors; details?: ErrorDetails };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
