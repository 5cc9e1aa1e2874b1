// POST /api/telephony/v1/outgoing-check — the PBX asks before dialling: may this employee call
// this number? Answered by lib/access (the outgoing-call level and the company blacklist).
import { loadAccess } from "@/lib/access/access";
import { decideOutgoingCall } from "@/lib/access/outgoing";
import { db } from "@/lib/db";
import { apiError, apiJson, readJsonBody, withToken } from "@/lib/telephony/api";
import { employeeRefSchema, reasonOf } from "@/lib/telephony/call-record";
import { resolveEmployees } from "@/lib/telephony/employees";
import { isCleanName } from "@/lib/validation";
import { z } from "@/lib/zod";

export const dynamic = "force-dynamic";

const checkSchema = z.strictObject({
  employee: employeeRefSchema,
  number: z.string({ error: "required" }).max(40, "tooLong").refine(isCleanName, "disallowedCharacters"),
});

export const POST = withToken(async (request) => {
  const body = await readJsonBody(request, 8_192);
  if (body instanceof Response) return body;
  const parsed = checkSchema.safeParse(body.value);
  if (!parsed.success) return apiError(400, "INVALID_REQUEST", reasonOf(parsed.error));
  const match = (await resolveEmployees(db, [parsed.data.employee]))(parsed.data.employee);
  if ("problem" in match) return apiError(404, "NOT_FOUND", `employee: ${match.problem}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: match.userId }, select: { status: true } });
  // A deactivated employee's old extension must not keep a dial-out right.
  if (user.status === "DEACTIVATED") return apiError(404, "NOT_FOUND", "employee: unknownEmployee");
  const decision = await decideOutgoingCall(db, await loadAccess(db, match.userId), parsed.data.number);
  return apiJson(decision);
});
