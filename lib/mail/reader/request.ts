// The mail API routes' shared first steps: a session, a message reference from the query string,
// and one answer for every failure a reader may see — 404 with no content for anything not theirs.
import "server-only";
import { getAccess } from "../../access/request.ts";
import { DomainError } from "../../errors.ts";
import { parseId } from "../../validation.ts";
import type { MessageRef } from "./read.ts";

export function messageRefFrom(params: URLSearchParams): MessageRef | null {
  const mailboxId = parseId(params.get("mailbox"));
  const folderId = parseId(params.get("folder"));
  const uid = parseId(params.get("uid"));
  return mailboxId && folderId && uid ? { mailboxId, folderId, uid } : null;
}

const NO_STORE = { "Cache-Control": "private, no-store" };

export function plain(status: number, text: string, headers: Record<string, string> = {}) {
  return new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/** Runs a mail API request for a signed-in viewer; not found, not theirs and gone all answer 404. */
export async function mailRequest(
  request: Request,
  handle: (
    ref: MessageRef,
    params: URLSearchParams,
    current: NonNullable<Awaited<ReturnType<typeof getAccess>>>,
  ) => Promise<Response>,
): Promise<Response> {
  const current = await getAccess();
  if (!current) return plain(401, "Sign in first.");
  const params = new URL(request.url).searchParams;
  const ref = messageRefFrom(params);
  if (!ref) return plain(404, "Not found.");
  try {
    return await handle(ref, params, current);
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return plain(404, "Not found.");
    if (error instanceof DomainError && error.code === "CONNECTION_FAILED")
      return plain(502, "The mail server could not be reached.");
    throw error;
  }
}

export { NO_STORE };
