import type { ErrorCode, FieldErrors } from "../errors.ts";

export type ActionError = { code: ErrorCode; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
