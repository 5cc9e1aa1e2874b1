// Shared pieces of the PBX API routes (app/api/telephony/v1): token check, JSON errors with
// stable codes, a size-capped JSON body. A hostile request gets a 4xx with a code, never a 500,
// and a token never reaches a log line.
import "server-only";
import { db } from "../db.ts";
import { type AuthenticatedToken, authenticateToken } from "./tokens.ts";

export type ApiErrorCode =
  | "UNAUTHORIZED"
  | "INVALID_JSON"
  | "INVALID_REQUEST"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_RECORDS"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "CHECKSUM_MISMATCH"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INTERNAL";

const NO_STORE = { "cache-control": "no-store" };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function apiError(status: number, code: ApiErrorCode, message: string, extra: Record<string, unknown> = {}) {
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Bearer realm="telephony"' } : {};
  return apiJson({ error: { code, message, ...extra } }, status, headers);
}

class BodyTooLargeError extends Error {}

/** The request body as JSON, refusing more than `maxBytes` without reading past it. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ value: unknown } | Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return apiError(413, "PAYLOAD_TOO_LARGE", `the body may be at most ${maxBytes} bytes`);
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return apiError(415, "UNSUPPORTED_MEDIA_TYPE", "send Content-Type: application/json");
  try {
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    if (request.body) {
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw new BodyTooLargeError();
        chunks.push(chunk);
      }
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
    return { value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return apiError(413, "PAYLOAD_TOO_LARGE", `the body may be at most ${maxBytes} bytes`);
    return apiError(400, "INVALID_JSON", "the body is not valid UTF-8 JSON");
  }
}

/**
 * Runs `handler` for a request with a live token; anything else is a 401 before the body is read.
 * Unexpected failures are logged without the request (it carries the token) and answered 500.
 */
export function withToken<Context>(
  handler: (request: Request, token: AuthenticatedToken, context: Context) => Promise<Response>,
) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const token = await authenticateToken(db, request.headers.get("authorization"));
      if (!token) return apiError(401, "UNAUTHORIZED", "a valid API token is required (Authorization: Bearer …)");
      return await handler(request, token, context);
    } catch (error) {
      console.error(`[telephony api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return apiError(500, "INTERNAL", "unexpected error");
    }
  };
}
