"use server";
// Accepting an invitation: the one action a visitor without an account may call. The token is
// the authorisation (256 random bits, single use, expiring); nothing else is trusted.
import type { ActionResult } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { acceptInvitation, InvitationInvalidError } from "@/lib/people/invitations";
import { acceptInvitationInput } from "@/lib/people/schemas";

export async function acceptInvitationAction(input: {
  token: string;
  password: string;
  confirm: string;
}): Promise<ActionResult<{ email: string }>> {
  const parsed = acceptInvitationInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= issue.message;
    return { ok: false, error: { code: "VALIDATION", fieldErrors } };
  }
  try {
    return { ok: true, data: await acceptInvitation(db, parsed.data.token, parsed.data.password) };
  } catch (error) {
    if (error instanceof InvitationInvalidError) {
      return { ok: false, error: { code: "NOT_FOUND", details: { reason: error.reason } } };
    }
    console.error("[invite] unexpected error", error instanceof Error ? error.name : typeof error);
    return { ok: false, error: { code: "UNEXPECTED" } };
  }
}
