"use client";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { z } from "zod";
import type { ActionError } from "@/lib/actions/result";
import type { FieldErrors } from "@/lib/errors";

/**
 * Form state checked with the same zod schema the server action parses: one definition of what
 * is valid. Errors are message keys (Validation.*), shown in the reader's language.
 */
export function useZodForm<Schema extends z.ZodType>(schema: Schema, initial: Record<string, unknown>) {
  const t = useTranslations("Validation");
  const [values, setValues] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback((patch: Record<string, unknown>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  }, []);

  /** The parsed value, or null after showing what is wrong. */
  const validate = useCallback((): z.output<Schema> | null => {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    const next: FieldErrors = {};
    for (const issue of parsed.error.issues)
      next[issue.path.join(".")] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    setErrors(next);
    return null;
  }, [schema, values]);

  /** Field errors the server found (it checks things the browser cannot, e.g. duplicates). */
  const showServerErrors = useCallback((error: ActionError) => {
    if (error.fieldErrors) setErrors(error.fieldErrors);
  }, []);

  const errorOf = (field: string) =>
    errors[field] ? (t.has(errors[field]) ? t(errors[field] as "required") : t("invalid")) : undefined;

  return { values, set, errors, errorOf, validate, showServerErrors, reset: setValues };
}
