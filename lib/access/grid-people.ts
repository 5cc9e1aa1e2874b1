// Whom the mailbox grid may name. Its URL filters carry user ids (owner, users with access, CRM
// queue), and any id can be typed into a URL; the filter chips must not turn that into a lookup of
// names and addresses of people the viewer has no business with (extranet users included).
import type { Db } from "../db.ts";
import type { Access } from "./access.ts";

/**
 * Of these user ids, the people the grid could show the viewer anyway:
 * - the viewer themself;
 * - owners within the viewer's mailboxes("view") scope — the owner column names them;
 * - people a mailbox within that scope is shared with, or queues CRM leads to — the "users with
 *   access" and "CRM queue" columns name them.
 * Everyone else stays an unnamed id: their filter matches no row the viewer can see anyway.
 */
export async function peopleInMailboxView(db: Db, access: Access, userIds: number[]): Promise<Set<number>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Set();
  const scope = await access.mailboxes("view");
  const visible = new Set(ids.filter((id) => id === access.userId || scope.allows({ ownerId: id })));
  const rest = ids.filter((id) => !visible.has(id));
  if (rest.length === 0) return visible;
  const [shares, queue] = await Promise.all([
    db.mailboxAccess.findMany({
      where: { subjectKind: "USER", subjectRefId: { in: rest }, mailbox: scope.where },
      distinct: ["subjectRefId"],
      select: { subjectRefId: true },
    }),
    db.mailboxCrmQueueMember.findMany({
      where: { userId: { in: rest }, mailbox: scope.where },
      distinct: ["userId"],
      select: { userId: true },
    }),
  ]);
  for (const share of shares) visible.add(share.subjectRefId);
  for (const member of queue) visible.add(member.userId);
  return visible;
}

/**
 * Of these user ids, the people the call log may name: those within the viewer's calls
 * ("statistics") scope — the employee column names them anyway — and the viewer. Any other id
 * typed into the URL stays an unnamed id; its filter matches no visible call.
 */
export async function peopleInCallView(access: Access, userIds: number[]): Promise<Set<number>> {
  const scope = await access.calls("statistics");
  return new Set(userIds.filter((id) => id === access.userId || scope.kind === "all" || scope.userIds.has(id)));
}
