// In-app notifications (SPEC §8): stored with a message key and parameters, rendered in the
// reader's language when shown.
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";

export type NotificationKind =
  | "mailboxConnectedForYou"
  // CRM (lib/crm): a task given to someone, mail from a client routed to them, a new record assigned.
  | "crmTaskAssigned"
  | "crmEmailFromClient"
  | "crmLeadAssigned"
  | "crmContactAssigned"
  // people (issue 14)
  | "mailboxTransferredToYou"
  | "mailboxTransferredAway"
  | "mailboxesAboutToDisconnect"
  | "invitationAccepted";

export interface NotificationInput {
  userId: number;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link?: string;
}

export async function notify(db: Db, notifications: NotificationInput | NotificationInput[]) {
  const list = Array.isArray(notifications) ? notifications : [notifications];
  if (list.length === 0) return;
  await db.notification.createMany({
    data: list.map((item) => ({
      userId: item.userId,
      kind: item.kind,
      params: item.params as Prisma.InputJsonObject,
      link: item.link ?? null,
    })),
  });
}

export async function recentNotifications(db: Db, userId: number, take = 15) {
  const [unread, items] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take }),
  ]);
  return { unread, items };
}

export async function markNotificationsRead(db: Db, userId: number) {
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
