// Every server action goes through here (DESIGN §7.7): session → coarse permission → zod →
// handler. The handler makes the fine-grained checks (this mailbox, this role) through
// lib/access and throws typed errors; unexpected errors are logged and redacted.
import type { z } from "zod";
import type { Access } from "../access/access.ts";
import { getAccess } from "../access/request.ts";
import type { Viewer } from "../auth/viewer.ts";
import { DomainError, type FieldErrors } from "../errors.ts";
import type { ActionResult } from "./result.ts";

export interface ActionContext {
  viewer: Viewer;
  access: Access;
}

/** zod issues → field path → message key. Schemas put message keys (Validation.*) in their errors. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    fields[path] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  }
  return fields;
}

export function action<Schema extends z.ZodType, Result>(options: {
  schema: Schema;
  /** Coarse check before the input is even parsed, e.g. "may open the role editor". */
  authorize: (access: Access) => boolean;
  handler: (input: z.infer<Schema>, context: ActionContext) => Promise<Result>;
}): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return async (raw) => {
    const current = await getAccess();
    if (!current) return { ok: false, error: { code: "UNAUTHENTICATED" } };
    if (!options.authorize(current.access)) return { ok: false, error: { code: "FORBIDDEN" } };
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: "VALIDATION", fieldErrors: fieldErrorsOf(parsed.error) } };
    try {
      return { ok: true, data: await options.handler(parsed.data, current) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, fieldErrors: error.fieldErrors, details: error.details } };
      }
      // Framework control flow (redirect(), notFound()) is not an error of ours.
      if (error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_")) throw error;
      console.error(
        "[action] unexpected error",
        error instanceof Error ? `${error.name}: ${error.message}` : typeof error,
      );
      return { ok: false, error: { code: "UNEXPECTED" } };
    }
  };
}
