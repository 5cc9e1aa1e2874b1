// Calls a server action over HTTP the way the browser does (POST with a Next-Action header), so
// authorization can be checked for users whose UI never shows the button.
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename.endsWith(file) && entry.exportedName === name,
  );
  if (!found) throw new Error(`server action ${file}#${name} is not in the build`);
  return found[0];
}

export type ActionOutcome = { ok: true; body: string } | { ok: false; code: string };

type ActionTarget = { file: string; name: string; path: string };

/**
 * Where the request claims to come from: the console's own origin, as the browser sends it, unless
 * `origin` says otherwise (null: no Origin header at all).
 */
export type ActionOptions = { origin?: string | null };

/** Posts to the action on `path` (a page that uses it), as the browser does; the raw response. */
export function postAction(
  request: APIRequestContext,
  baseURL: string,
  target: ActionTarget,
  input: unknown,
  { origin = baseURL }: ActionOptions = {},
) {
  return request.post(target.path, {
    headers: {
      "Next-Action": actionId(target.file, target.name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(origin === null ? {} : { Origin: origin }),
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
}

/** Invokes the action on `path` (a page that uses it) and returns its result's outcome. */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  target: ActionTarget,
  input: unknown,
  options: ActionOptions = {},
): Promise<ActionOutcome> {
  return (await callActionDetailed(request, baseURL, target, input, options)).outcome;
}

/** Like callAction, with the field errors of a refusal (field path → message key), when it has any. */
export async function callActionDetailed(
  request: APIRequestContext,
  baseURL: string,
  target: ActionTarget,
  input: unknown,
  options: ActionOptions = {},
): Promise<{ outcome: ActionOutcome; fieldErrors: Record<string, string> | null }> {
  const response = await postAction(request, baseURL, target, input, options);
  // A change not from this console's pages: the request proxy refuses it before any action code runs.
  if (response.status() === 403 && (await response.text()).startsWith("Refused:"))
    return { outcome: { ok: false, code: "ORIGIN_REFUSED" }, fieldErrors: null };
  // No session: the request proxy sends it to the sign-in page before any action code runs.
  if (response.status() === 307 && /\/login/.test(response.headers().location ?? ""))
    return { outcome: { ok: false, code: "SIGN_IN_REQUIRED" }, fieldErrors: null };
  const body = await response.text();
  // The flight payload carries the action's return value as JSON: {"ok":true,...} or {"ok":false,"error":{"code":...}}.
  const failure = body.match(/"ok":false,"error":\{"code":"([A-Z_]+)"/);
  if (failure) {
    const fields = body.match(/"fieldErrors":(\{[^{}]*\})/);
    return {
      outcome: { ok: false, code: failure[1]! },
      fieldErrors: fields ? (JSON.parse(fields[1]!) as Record<string, string>) : null,
    };
  }
  if (body.includes('"ok":true')) return { outcome: { ok: true, body }, fieldErrors: null };
  throw new Error(`unexpected action response (${response.status()}): ${body.slice(0, 300)}`);
}

/** Like callAction, but returns the whole response text, for checks on what an answer contains. */
export async function callActionForBody(
  request: APIRequestContext,
  baseURL: string,
  target: ActionTarget,
  input: unknown,
): Promise<string> {
  return (await postAction(request, baseURL, target, input)).text();
}
